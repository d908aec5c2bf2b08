import type { JobWorker, WorkflowEngine } from '@kuaibao/engine';
import type { Handler } from './handler';

/** Runs one engine worker per job type; the same handlers serve the embedded engine and Zeebe. */
export function startWorkers(engine: WorkflowEngine, handlers: Record<string, Handler>, options: { name?: string } = {}): JobWorker[] {
  return Object.entries(handlers).map(([taskType, handler]) =>
    engine.createWorker({
      taskType,
      ...(options.name && { name: options.name }),
      handler: (job) => handler(job.variables, job),
    }),
  );
}
