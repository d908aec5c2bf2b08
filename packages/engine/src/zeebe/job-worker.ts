import { hostname } from 'node:os';
import type { JobWorker, WorkerOptions } from '../types';
import { isNotFound } from './errors';
import { runHandler, toJobAction, type JobAction } from './job-actions';
import { toActivatedJob } from './mapping';
import { jsonDoc, type ZeebeGrpc } from './sdk';
import { sendAfterWrites } from './writes-first';

type SdkWorkerConfig = Parameters<ZeebeGrpc['createWorker']>[0];
type SdkJob = Parameters<SdkWorkerConfig['taskHandler']>[0];
type Acknowledgement = Awaited<ReturnType<SdkJob['complete']>>;

export interface WorkerDefaults {
  maxJobsToActivate: number;
  timeoutMs: number;
  retryBackoffMs: number;
  tenantIds: string[];
  onError: (error: unknown) => void;
}

/**
 * A job worker on the SDK's gRPC worker (long polling, capacity, reconnects), answering every job
 * with what the handler decided: complete, BPMN error, or fail with retries and backoff. The same
 * handlers run on the embedded engine's polling worker.
 */
export class ZeebeJobWorker implements JobWorker {
  private readonly worker: ReturnType<ZeebeGrpc['createWorker']>;
  private readonly retryBackoffMs: number;

  constructor(grpc: ZeebeGrpc, options: WorkerOptions, private readonly defaults: WorkerDefaults) {
    this.retryBackoffMs = options.retryBackoffMs ?? defaults.retryBackoffMs;
    const config: SdkWorkerConfig = {
      taskType: options.taskType,
      id: options.name ?? `${hostname()}-${process.pid}`,
      maxJobsToActivate: options.maxJobsToActivate ?? defaults.maxJobsToActivate,
      timeout: options.timeoutMs ?? defaults.timeoutMs,
      ...(options.pollIntervalMs !== undefined && { pollInterval: options.pollIntervalMs }),
      ...(defaults.tenantIds.length > 0 && { tenantIds: defaults.tenantIds }),
      failProcessOnException: false,
      taskHandler: async (job) => {
        const outcome = await runHandler(options.handler, toActivatedJob(job));
        const action = toJobAction(outcome, job, this.retryBackoffMs);
        return this.answer(job, action);
      },
    };
    this.worker = grpc.createWorker(config);
  }

  async close(): Promise<void> {
    await this.worker.close();
  }

  private async answer(job: SdkJob, action: JobAction): Promise<Acknowledgement> {
    try {
      if (action.kind === 'complete') return await this.complete(job, action);
      if (action.kind === 'error') {
        return await job.error({ errorCode: action.errorCode, errorMessage: action.errorMessage, variables: jsonDoc(action.variables) });
      }
      return await job.fail({ errorMessage: action.errorMessage, retries: action.retries, retryBackOff: action.retryBackOff });
    } catch (error) {
      // The job was canceled, timed out and completed elsewhere, or the instance ended: nothing left to answer.
      if (!isNotFound(error)) this.defaults.onError(error);
      return 'JOB_ACTION_ACKNOWLEDGEMENT';
    }
  }

  /** The handler's writes commit first (with a record of the completion), then the broker hears of it. */
  private async complete(job: SdkJob, action: Extract<JobAction, { kind: 'complete' }>): Promise<Acknowledgement> {
    let acknowledgement: Acknowledgement = 'JOB_ACTION_ACKNOWLEDGEMENT';
    const command = { kind: 'completeJob' as const, key: String(job.key), variables: action.variables };
    try {
      await sendAfterWrites(action.writes, command, async () => (acknowledgement = await job.complete(action.variables)), isNotFound);
    } catch (error) {
      if (isNotFound(error)) throw error;
      // The writes failed, so nothing was completed: a technical failure, retried like a handler that throws.
      if (!action.writes) throw error;
      const retry = toJobAction({ fail: true, message: error instanceof Error ? error.message : String(error) }, job, this.retryBackoffMs);
      return this.answer(job, retry);
    }
    return acknowledgement;
  }
}
