import { EngineError, notFound } from '../errors';
import { isErrorCaught } from '../model/process-model';
import type { EngineStoreOps, JobRecord, StepClaim } from '../store';
import type { ActivateJobsInput, ActivatedJob, FailJobInput, StepWrites, ThrowErrorInput, Variables } from '../types';
import type { NodeLiveness } from './node-liveness';
import { jobTarget, type StepRunner } from './step-runner';

const OPEN_JOB_STATES = new Set(['activatable', 'activated']);
/** How many jobs activated here are remembered until answered (beyond it the oldest are read again when answered). */
const KNOWN_JOBS = 10_000;

/** Where a job is: fixed for its life, so a job activated here needs no read before its step. */
type JobPlace = Pick<JobRecord, 'key' | 'instanceKey' | 'elementId' | 'elementInstance'>;

/** Jobs of service tasks: activation by workers and their three answers (complete, fail, BPMN error). */
export class JobOperations {
  constructor(
    private readonly runner: StepRunner,
    private readonly node: NodeLiveness,
  ) {}

  /** Jobs this process activated and has not answered yet: their answer's step is claimed without reading the job first. */
  private readonly known = new Map<string, JobPlace>();

  private remember(jobs: JobPlace[]) {
    for (const { key, instanceKey, elementId, elementInstance } of jobs) this.known.set(key, { key, instanceKey, elementId, elementInstance });
    for (const key of this.known.keys()) {
      if (this.known.size <= KNOWN_JOBS) break;
      this.known.delete(key);
    }
  }

  /** The job's place: remembered from its activation here, else read (and checked open). */
  private async place(jobKey: string): Promise<JobPlace> {
    const known = this.known.get(jobKey);
    this.known.delete(jobKey);
    return known ?? openJob(this.runner.store, jobKey);
  }

  /** Locks jobs until their deadline (the job timeout), naming this node as their owner: if it dies, live nodes release them sooner. */
  async activate(input: ActivateJobsInput): Promise<ActivatedJob[]> {
    const owner = await this.node.owner();
    const now = this.runner.clock();
    const deadline = new Date(now + input.timeoutMs);
    const jobs = await this.runner.store.activateJobs({ type: input.type, maxJobs: input.maxJobs, worker: input.worker, owner, now: new Date(now), deadline });
    this.remember(jobs);
    return jobs.map((job) => ({
      key: job.key,
      type: job.type,
      instanceKey: job.instanceKey,
      bpmnProcessId: job.bpmnProcessId,
      elementId: job.elementId,
      elementInstanceKey: job.elementInstance,
      businessKey: job.businessKey,
      tenantId: job.tenantId,
      retries: job.retries,
      deadline: deadline.toISOString(),
      worker: input.worker,
      customHeaders: job.customHeaders,
      variables: { ...job.instanceVariables, ...job.variables },
    }));
  }

  /** Completes the job; the handler's `writes` run in the same step, so they commit (or roll back) with it. */
  async complete(jobKey: string, variables: Variables = {}, writes?: StepWrites): Promise<void> {
    const job = await this.place(jobKey);
    const claim: StepClaim = { job: jobKey, states: [...OPEN_JOB_STATES], patch: { state: 'completed' } };
    await this.runner.step(job.instanceKey, jobTarget(job), async (runtime, _record, tx, claimed) => {
      if (!claimed) await openJob(tx, jobKey);
      await runtime.completeJob(job.elementInstance, job.elementId, variables);
    }, { claim, writes });
  }

  async fail(input: FailJobInput): Promise<void> {
    const { store, clock } = this.runner;
    this.known.delete(input.jobKey);
    await store.transaction(async (tx) => {
      const job = await openJob(tx, input.jobKey);
      if (job.state !== 'activated') throw new EngineError('INVALID_STATE', `Job ${input.jobKey} is not activated`, { state: job.state });
      const retries = Math.max(0, input.retries);
      if (retries > 0) {
        const dueAt = new Date(clock() + (input.retryBackoffMs ?? 0));
        await tx.updateJob(job.key, { state: 'activatable', retries, dueAt, errorMessage: input.errorMessage, worker: null, lockOwner: null, deadline: null });
        return;
      }
      await tx.updateJob(job.key, { state: 'failed', retries: 0, errorMessage: input.errorMessage, deadline: null });
      await tx.insertIncident(this.runner.incident(jobTarget(job), job.instanceKey, 'JOB_NO_RETRIES', input.errorMessage));
    });
  }

  async throwError(input: ThrowErrorInput): Promise<void> {
    const { store } = this.runner;
    this.known.delete(input.jobKey);
    const job = await openJob(store, input.jobKey);
    const instance = await store.getInstance(job.instanceKey);
    if (!instance) throw notFound('Process instance', job.instanceKey);
    const model = await this.runner.model(instance.definitionKey);
    const message = input.errorMessage ?? input.errorCode;
    if (!isErrorCaught(model, job.elementId, input.errorCode)) {
      await store.transaction(async (tx) => {
        await tx.updateJob(job.key, { state: 'failed', errorMessage: message, deadline: null });
        await tx.insertIncident(
          this.runner.incident(jobTarget(job), job.instanceKey, 'UNHANDLED_ERROR_EVENT', `Unhandled error event ${input.errorCode}: ${message}`),
        );
      });
      return;
    }
    const claim: StepClaim = { job: job.key, states: [...OPEN_JOB_STATES], patch: { state: 'error_thrown', errorMessage: message } };
    await this.runner.step(job.instanceKey, jobTarget(job), async (runtime, _record, tx, claimed) => {
      if (!claimed) await openJob(tx, job.key);
      await runtime.throwError(job.elementInstance, input.errorCode, message, input.variables ?? {});
    }, { claim });
  }

  /** Jobs a step handed to a worker of this process: remembered as an activation here remembers them. */
  handed(jobs: ActivatedJob[]): void {
    this.remember(jobs.map((j) => ({ key: j.key, instanceKey: j.instanceKey, elementId: j.elementId, elementInstance: j.elementInstanceKey })));
  }

  /** Jobs handed to a worker that closed before they reached it: activatable again, their workers told. */
  async release(keys: string[]): Promise<void> {
    try {
      for (const key of keys) await this.runner.store.updateJob(key, { state: 'activatable', worker: null, lockOwner: null, deadline: null });
      this.runner.announce(['*']);
    } catch (error) {
      this.runner.onError(error);
    }
  }

  async updateRetries(jobKey: string, retries: number): Promise<void> {
    if (!Number.isInteger(retries) || retries < 0) throw new EngineError('INVALID_ARGUMENT', 'retries must be a non-negative integer');
    const job = await this.runner.store.getJob(jobKey);
    if (!job) throw notFound('Job', jobKey);
    await this.runner.store.updateJob(jobKey, { retries });
  }
}

async function openJob(ops: EngineStoreOps, jobKey: string): Promise<JobRecord> {
  const job = await ops.getJob(jobKey);
  if (!job) throw notFound('Job', jobKey);
  if (!OPEN_JOB_STATES.has(job.state)) throw new EngineError('INVALID_STATE', `Job ${jobKey} is ${job.state}`, { state: job.state });
  return job;
}
