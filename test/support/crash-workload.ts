import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import type { Database } from '@kuaibao/db';
import { complete, EngineError, type ActivatedJob, type JobHandler, type JobWorker, type WorkflowEngine } from '@kuaibao/engine';

/**
 * The workload of the crash-recovery contract test, shared by the child that gets killed and the
 * process that recovers: the fixture, idempotent job handlers and a user-task completer.
 */
export const CRASH_PROCESS_ID = 'contract-crash-recovery';
export const CRASH_GROUP = 'duty-officer';
export const CRASH_FIXTURE = {
  name: 'crash-recovery.bpmn',
  content: readFileSync(new URL('../engine-contract/crash-recovery.bpmn', import.meta.url), 'utf8'),
};

/** Task type → the process variable its handler sets. */
export const CRASH_TASKS = {
  'crash.register': 'registrationNo',
  'crash.to-superior': 'superiorReceipt',
  'crash.to-government': 'governmentReceipt',
} as const;
export type CrashTaskType = keyof typeof CRASH_TASKS;

/** Steps one instance takes: start, three jobs, one user task. */
export const STEPS_PER_INSTANCE = 5;

export interface EffectRow {
  instance_key: string;
  element_instance: string;
  element_id: string;
  receipt: string;
  runs: number;
}

/**
 * The side effect the handlers perform (a receipt from an outside system), keyed by the job's
 * element instance: a re-run after a crash finds the receipt of the first run and counts the run.
 */
export async function prepareEffects(db: Database): Promise<void> {
  await db.driver.query(`CREATE TABLE IF NOT EXISTS crash_effect (
    instance_key text NOT NULL, element_instance text NOT NULL, element_id text NOT NULL,
    receipt text NOT NULL, runs integer NOT NULL, PRIMARY KEY (instance_key, element_instance))`);
}

export const readEffects = (db: Database) =>
  db.driver.query<EffectRow>('SELECT instance_key, element_instance, element_id, receipt, runs FROM crash_effect');

export interface HandlerOptions {
  db: Database;
  /** Each run sleeps a random time in this range, half before and half after its side effect. */
  delayMs: [number, number];
  onRun?: (event: 'handler-start' | 'handler-done', job: ActivatedJob) => void;
}

export function createCrashHandlers({ db, delayMs, onRun }: HandlerOptions): Record<CrashTaskType, JobHandler> {
  const handler = (type: CrashTaskType): JobHandler => async (job) => {
    onRun?.('handler-start', job);
    const delay = delayMs[0] + Math.random() * (delayMs[1] - delayMs[0]);
    await sleep(delay / 2);
    // The receipt embeds the registration number the job saw, so the test checks what workers read.
    const fresh = `${type}:${String(job.variables.registrationNo ?? 'new')}:${randomUUID().slice(0, 8)}`;
    const [effect] = await db.driver.query<{ receipt: string }>(
      `INSERT INTO crash_effect (instance_key, element_instance, element_id, receipt, runs) VALUES ($1, $2, $3, $4, 1)
       ON CONFLICT (instance_key, element_instance) DO UPDATE SET runs = crash_effect.runs + 1 RETURNING receipt`,
      [job.instanceKey, job.elementInstanceKey, job.elementId, fresh],
    );
    await sleep(delay / 2);
    onRun?.('handler-done', job);
    return complete({ [CRASH_TASKS[type]]: effect!.receipt });
  };
  return {
    'crash.register': handler('crash.register'),
    'crash.to-superior': handler('crash.to-superior'),
    'crash.to-government': handler('crash.to-government'),
  };
}

export function startCrashWorkers(
  engine: WorkflowEngine,
  handlers: Record<CrashTaskType, JobHandler>,
  options: { timeoutMs: number; name: string },
): JobWorker[] {
  return (Object.keys(handlers) as CrashTaskType[]).map((taskType) =>
    engine.createWorker({ taskType, handler: handlers[taskType], name: options.name, timeoutMs: options.timeoutMs, maxJobsToActivate: 4, pollIntervalMs: 100 }),
  );
}

/** Completes the review tasks of the duty officers until stopped; answers with what the task shows. stop() rethrows a failure. */
export function startReviewer(engine: WorkflowEngine, onComplete?: (instanceKey: string) => void): { stop(): Promise<void> } {
  let stopped = false;
  let failure: unknown = null;
  const loop = (async () => {
    while (!stopped) {
      const tasks = await engine.searchUserTasks({ state: 'created', candidateGroups: [CRASH_GROUP], limit: 10 });
      for (const task of tasks) {
        const approval = { by: 'duty-officer-1', index: task.variables.reportIndex, registrationNo: task.variables.registrationNo };
        try {
          await engine.completeUserTask(task.key, { approval });
          onComplete?.(task.instanceKey);
        } catch (error) {
          if (!(error instanceof EngineError && error.code === 'INVALID_STATE')) throw error;
        }
      }
      if (tasks.length === 0) await sleep(50);
    }
  })().catch((error: unknown) => void (failure = error));
  return {
    async stop() {
      stopped = true;
      await loop;
      if (failure) throw failure;
    },
  };
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
