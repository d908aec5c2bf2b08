import { hostname } from 'node:os';
import { EngineError } from '../errors';
import type { ActivatedJob, JobOutcome, JobWorker, WorkerOptions, WorkflowEngine } from '../types';

type Subscribe = (type: string, listener: () => void) => () => void;
/** While a worker waits, the engine may hand it the jobs its steps create (docs/adr/0058); the returned function ends that. */
export type Idle = (worker: { type: string; name: string; timeoutMs: number; capacity: number; deliver(jobs: ActivatedJob[]): boolean }) => () => void;

const MAX_BACKOFF_MS = 5 * 60_000;

/**
 * Activates jobs of one type and answers every one: complete, BPMN error or fail. A handler that
 * throws is a technical failure: retried with exponential backoff until its retries run out, then an
 * incident. Polls at an interval and wakes at once when the engine announces new jobs of its type.
 */
export class PollingJobWorker implements JobWorker {
  private closed = false;
  private wake: (() => void) | null = null;
  /** Whether jobs of this type were announced since the last activation began (they may not be in its answer). */
  private announced = false;
  private readonly loop: Promise<void>;
  private readonly unsubscribe: () => void;
  private readonly name: string;
  /** Jobs a step handed to this worker while it waited: handled before it activates again. */
  private pushed: ActivatedJob[] = [];
  /** Its loop has ended: jobs handed over now would not be handled. */
  private finished = false;

  constructor(
    private readonly engine: Pick<WorkflowEngine, 'activateJobs' | 'completeJob' | 'failJob' | 'throwError'>,
    private readonly options: WorkerOptions,
    subscribe: Subscribe,
    private readonly idle?: Idle,
  ) {
    this.name = options.name ?? `${hostname()}-${process.pid}`;
    this.unsubscribe = subscribe(options.taskType, () => {
      this.announced = true;
      this.wake?.();
    });
    this.loop = this.run();
  }

  async close(): Promise<void> {
    this.closed = true;
    this.unsubscribe();
    this.wake?.();
    await this.loop;
  }

  private async run() {
    const { taskType, maxJobsToActivate = 16, timeoutMs = 30_000, pollIntervalMs = 250 } = this.options;
    let handed = false;
    while (!this.closed) {
      let jobs: ActivatedJob[] = [];
      // Handed-over jobs need no activation; an announcement that came with them is kept for the next one.
      if (handed) [jobs, this.pushed] = [this.pushed, []];
      else {
        this.announced = false;
        try {
          jobs = await this.engine.activateJobs({ type: taskType, maxJobs: maxJobsToActivate, timeoutMs, worker: this.name });
        } catch (error) {
          console.error(`[worker ${taskType}] activation failed`, error);
        }
      }
      if (jobs.length > 0) await Promise.all(jobs.map((job) => this.handle(job)));
      // A full batch may have left jobs behind, and jobs announced since the activation began may have
      // missed it; otherwise it took every job there was, and asking again at once would find none
      // (half of all activations did, ~2.4 ms each on PGlite): wait for the next announcement or the poll.
      // Jobs handed over meanwhile are handled next, without an activation.
      handed = this.pushed.length > 0;
      if (handed || jobs.length >= maxJobsToActivate || this.announced) continue;
      handed = await this.waitForWork(pollIntervalMs, maxJobsToActivate, timeoutMs);
    }
    // Jobs handed over just before closing are locked by this process: answer them rather than leave them to their deadline.
    while (this.pushed.length > 0) await Promise.all(this.pushed.splice(0).map((job) => this.handle(job)));
    this.finished = true;
  }

  /** Waits for an announcement, jobs handed over, or the poll interval; true when woken by jobs handed over. */
  private async waitForWork(pollIntervalMs: number, capacity: number, timeoutMs: number): Promise<boolean> {
    let stopWaiting = () => {};
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, pollIntervalMs);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
      stopWaiting =
        this.idle?.({
          type: this.options.taskType,
          name: this.name,
          timeoutMs,
          capacity,
          deliver: (jobs) => {
            if (this.finished) return false;
            this.pushed.push(...jobs);
            stopWaiting();
            this.wake?.();
            return true;
          },
        }) ?? stopWaiting;
    });
    stopWaiting();
    this.wake = null;
    return this.pushed.length > 0;
  }

  private async handle(job: ActivatedJob) {
    let outcome: JobOutcome;
    try {
      outcome = await this.options.handler(job);
    } catch (error) {
      outcome = { fail: true, message: error instanceof Error ? error.message : String(error) };
    }
    try {
      await this.answer(job, outcome);
    } catch (error) {
      // The job was canceled or completed elsewhere meanwhile: nothing left to answer.
      if (error instanceof EngineError && (error.code === 'NOT_FOUND' || error.code === 'INVALID_STATE')) return;
      if (error instanceof EngineError && error.code === 'STEP_FAILED') return; // recorded as an incident
      // The handler's writes failed, and the completion with them: a technical failure like a handler that throws.
      if ('writes' in outcome && outcome.writes) return this.handleFailedWrites(job, error);
      console.error(`[worker ${job.type}] could not answer job ${job.key}`, error);
    }
  }

  private async handleFailedWrites(job: ActivatedJob, error: unknown) {
    const message = error instanceof Error ? error.message : String(error);
    try {
      await this.answer(job, { fail: true, message });
    } catch (failError) {
      if (!(failError instanceof EngineError)) console.error(`[worker ${job.type}] could not fail job ${job.key}`, failError);
    }
  }

  private answer(job: ActivatedJob, outcome: JobOutcome): Promise<void> {
    if ('complete' in outcome) return this.engine.completeJob(job.key, outcome.variables, outcome.writes && { writes: outcome.writes });
    if ('bpmnError' in outcome) {
      return this.engine.throwError({
        jobKey: job.key,
        errorCode: outcome.code,
        ...(outcome.message !== undefined && { errorMessage: outcome.message }),
        ...(outcome.variables && { variables: outcome.variables }),
      });
    }
    const retries = outcome.retries ?? job.retries - 1;
    return this.engine.failJob({
      jobKey: job.key,
      retries,
      errorMessage: outcome.message,
      retryBackoffMs: outcome.retryBackoffMs ?? this.backoff(job.retries),
    });
  }

  /** Exponential backoff: the fewer retries a job has left, the longer it waits. */
  private backoff(retriesLeft: number): number {
    const base = this.options.retryBackoffMs ?? 1_000;
    return Math.min(MAX_BACKOFF_MS, base * 2 ** Math.max(0, 3 - retriesLeft));
  }
}
