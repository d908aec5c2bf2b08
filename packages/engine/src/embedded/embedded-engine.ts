import { createHash } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { systemClock, type Clock } from '../clock';
import { EngineError, notFound } from '../errors';
import { KeyedMutex } from '../keyed-mutex';
import { createKeyGenerator } from '../keys';
import { isErrorCaught, loadProcessModels, type ProcessModel } from '../model/process-model';
import type { EngineStore, EngineStoreOps, IncidentRecord, InstanceRecord, JobRecord } from '../store';
import type {
  ActivateJobsInput, ActivatedJob, DeployedProcess, DeployResource, FailJobInput, Incident, InstanceFilter,
  InstanceRef, InstanceStatus, JobWorker, PublishMessageInput, StartInstanceInput, ThrowErrorInput, UserTask,
  UserTaskFilter, Variables, WorkerOptions, WorkflowEngine,
} from '../types';
import { PollingJobWorker } from '../worker/polling-job-worker';
import { InstanceRuntime } from './instance-runtime';

export interface EmbeddedEngineOptions {
  store: EngineStore;
  clock?: Clock;
  /** Tenant (jurisdiction) used when a call names none. */
  defaultTenantId?: string;
  /** How often due timers, expired job locks and expired messages are looked for. */
  schedulerIntervalMs?: number;
  onError?: (error: unknown) => void;
}

const OPEN_JOB_STATES = new Set(['activatable', 'activated']);
const EMPTY_WAITS = { jobs: [], userTasks: [], timers: [], subscriptions: [] };
/** A guard against a message loop: how many buffered messages one step may consume. */
const MAX_BUFFERED_CORRELATIONS = 100;

interface StepTarget {
  elementId: string;
  elementInstance: string;
  jobKey: string | null;
}

/**
 * The embedded adapter of the WorkflowEngine port: bpmn-engine executes the BPMN, the database holds
 * everything. Each call is a step: lock the instance row, recover the instance from its state, apply
 * one action, persist the state with its jobs, user tasks, timers and subscriptions in the same
 * transaction, forget the instance. Nothing idle is kept in memory; a restart loses nothing.
 */
export class EmbeddedEngine implements WorkflowEngine {
  private readonly store: EngineStore;
  private readonly clock: Clock;
  private readonly tenantId: string;
  private readonly models = new Map<string, Promise<ProcessModel>>();
  private readonly mutex = new KeyedMutex();
  private readonly nextKey: () => bigint;
  private readonly events = new EventEmitter();
  private readonly workers = new Set<JobWorker>();
  private scheduler: NodeJS.Timeout | null = null;
  private schedulerRun: Promise<unknown> | null = null;
  private readonly onError: (error: unknown) => void;

  constructor(private readonly options: EmbeddedEngineOptions) {
    this.store = options.store;
    this.clock = options.clock ?? systemClock;
    this.tenantId = options.defaultTenantId ?? '<default>';
    this.nextKey = createKeyGenerator();
    this.onError = options.onError ?? ((error) => console.error('[engine]', error));
    this.events.setMaxListeners(0);
  }

  /** Starts the scheduler loop (timers, job lock expiry, message TTL). Tests may call processDue() instead. */
  start(): this {
    const interval = this.options.schedulerIntervalMs ?? 500;
    const tick = () => {
      this.schedulerRun = this.processDue()
        .catch(this.onError)
        .finally(() => {
          if (this.scheduler) this.scheduler = setTimeout(tick, interval).unref();
        });
    };
    this.scheduler = setTimeout(tick, 0).unref();
    return this;
  }

  async close(): Promise<void> {
    const scheduler = this.scheduler;
    this.scheduler = null;
    if (scheduler) clearTimeout(scheduler);
    await this.schedulerRun;
    await Promise.all([...this.workers].map((w) => w.close()));
  }

  /** Notifies in-process workers when jobs of a type become activatable. */
  onJobsAvailable(listener: (type: string) => void): () => void {
    this.events.on('jobs', listener);
    return () => this.events.off('jobs', listener);
  }

  // ---- deployment -------------------------------------------------------------------------

  async deploy(resources: DeployResource[], options: { tenantId?: string } = {}): Promise<DeployedProcess[]> {
    const tenantId = options.tenantId ?? this.tenantId;
    const parsed = await Promise.all(
      resources.map(async (resource) => ({ resource, models: await loadProcessModels(resource.content) })),
    );
    return this.store.transaction(async (tx) => {
      const deployed: DeployedProcess[] = [];
      for (const { resource, models } of parsed) {
        const checksum = createHash('sha256').update(resource.content).digest('hex');
        for (const model of models) {
          const query = { tenantId, bpmnProcessId: model.bpmnProcessId };
          const same = await tx.findDefinitionByChecksum({ ...query, checksum });
          const definition = same ?? {
            key: this.key(),
            ...query,
            version: ((await tx.findDefinition(query))?.version ?? 0) + 1,
            resourceName: resource.name,
            checksum,
            source: resource.content,
          };
          if (!same) await tx.insertDefinition(definition);
          deployed.push({ key: definition.key, bpmnProcessId: definition.bpmnProcessId, version: definition.version, resourceName: definition.resourceName, tenantId });
        }
      }
      return deployed;
    });
  }

  // ---- instances --------------------------------------------------------------------------

  async startInstance(input: StartInstanceInput): Promise<InstanceRef> {
    const tenantId = input.tenantId ?? this.tenantId;
    const definition = await this.store.findDefinition({
      tenantId,
      bpmnProcessId: input.bpmnProcessId,
      ...(input.version !== undefined && { version: input.version }),
    });
    if (!definition) throw notFound('Process', `${input.bpmnProcessId}${input.version ? ` v${input.version}` : ''}`);
    const model = await this.model(definition.key);
    const key = this.key();
    const record: InstanceRecord = {
      key,
      definitionKey: definition.key,
      bpmnProcessId: definition.bpmnProcessId,
      version: definition.version,
      tenantId,
      businessKey: input.businessKey ?? null,
      state: 'active',
      engineState: {},
      variables: input.variables ?? {},
      activeElements: [],
      startedAt: new Date(this.clock()),
      endedAt: null,
    };
    const posted: string[] = [];
    await this.mutex.run(key, () =>
      this.store.transaction(async (tx) => {
        const runtime = await InstanceRuntime.start(model, record.variables, this.clock, key);
        try {
          await tx.insertInstance(record);
          await this.persist(tx, runtime, record, posted);
        } finally {
          runtime.stop();
        }
      }),
    );
    this.announce(posted);
    return this.ref(record);
  }

  async cancelInstance(instanceKey: string): Promise<void> {
    await this.mutex.run(instanceKey, () =>
      this.store.transaction(async (tx) => {
        const record = await this.lockActive(tx, instanceKey);
        const now = new Date(this.clock());
        Object.assign(record, { state: 'canceled', engineState: {}, activeElements: [], endedAt: now });
        await tx.updateInstance(record);
        await tx.syncWaits(record, EMPTY_WAITS, now);
      }),
    );
  }

  async getInstance(instanceKey: string): Promise<InstanceStatus | null> {
    const record = await this.store.getInstance(instanceKey);
    return record ? this.status(record) : null;
  }

  async findInstances(filter: InstanceFilter): Promise<InstanceStatus[]> {
    return Promise.all((await this.store.findInstances(filter)).map((r) => this.status(r)));
  }

  async setVariables(instanceKey: string, variables: Variables): Promise<void> {
    await this.step(instanceKey, null, async (runtime) => runtime.setVariables(variables));
  }

  // ---- jobs -------------------------------------------------------------------------------

  async activateJobs(input: ActivateJobsInput): Promise<ActivatedJob[]> {
    const now = this.clock();
    const jobs = await this.store.activateJobs({
      type: input.type,
      maxJobs: input.maxJobs,
      worker: input.worker,
      now: new Date(now),
      deadline: new Date(now + input.timeoutMs),
    });
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
      deadline: new Date(now + input.timeoutMs).toISOString(),
      worker: input.worker,
      customHeaders: job.customHeaders,
      variables: { ...job.instanceVariables, ...job.variables },
    }));
  }

  async completeJob(jobKey: string, variables: Variables = {}): Promise<void> {
    const job = await this.openJob(this.store, jobKey);
    await this.step(job.instanceKey, jobTarget(job), async (runtime, _record, tx) => {
      await this.openJob(tx, jobKey);
      await runtime.completeJob(job.elementInstance, job.elementId, variables);
      await tx.updateJob(jobKey, { state: 'completed', deadline: null });
    });
  }

  async failJob(input: FailJobInput): Promise<void> {
    await this.store.transaction(async (tx) => {
      const job = await this.openJob(tx, input.jobKey);
      if (job.state !== 'activated') throw new EngineError('INVALID_STATE', `Job ${input.jobKey} is not activated`, { state: job.state });
      const retries = Math.max(0, input.retries);
      if (retries > 0) {
        const dueAt = new Date(this.clock() + (input.retryBackoffMs ?? 0));
        await tx.updateJob(job.key, { state: 'activatable', retries, dueAt, errorMessage: input.errorMessage, worker: null, deadline: null });
        return;
      }
      await tx.updateJob(job.key, { state: 'failed', retries: 0, errorMessage: input.errorMessage, deadline: null });
      await tx.insertIncident(this.incident(jobTarget(job), job.instanceKey, 'JOB_NO_RETRIES', input.errorMessage));
    });
  }

  async throwError(input: ThrowErrorInput): Promise<void> {
    const job = await this.openJob(this.store, input.jobKey);
    const instance = await this.store.getInstance(job.instanceKey);
    if (!instance) throw notFound('Process instance', job.instanceKey);
    const model = await this.model(instance.definitionKey);
    const message = input.errorMessage ?? input.errorCode;
    if (!isErrorCaught(model, job.elementId, input.errorCode)) {
      await this.store.transaction(async (tx) => {
        await tx.updateJob(job.key, { state: 'failed', errorMessage: message, deadline: null });
        await tx.insertIncident(
          this.incident(jobTarget(job), job.instanceKey, 'UNHANDLED_ERROR_EVENT', `Unhandled error event ${input.errorCode}: ${message}`),
        );
      });
      return;
    }
    await this.step(job.instanceKey, jobTarget(job), async (runtime, _record, tx) => {
      await this.openJob(tx, input.jobKey);
      await runtime.throwError(job.elementInstance, input.errorCode, message, input.variables ?? {});
      await tx.updateJob(job.key, { state: 'error_thrown', errorMessage: message, deadline: null });
    });
  }

  async updateJobRetries(jobKey: string, retries: number): Promise<void> {
    if (!Number.isInteger(retries) || retries < 0) throw new EngineError('INVALID_ARGUMENT', 'retries must be a non-negative integer');
    const job = await this.store.getJob(jobKey);
    if (!job) throw notFound('Job', jobKey);
    await this.store.updateJob(jobKey, { retries });
  }

  createWorker(options: WorkerOptions): JobWorker {
    const worker = new PollingJobWorker(this, options, (type, listener) => {
      const wrapped = (available: string) => available === type && listener();
      return this.onJobsAvailable(wrapped);
    });
    this.workers.add(worker);
    const close = worker.close.bind(worker);
    worker.close = async () => {
      this.workers.delete(worker);
      await close();
    };
    return worker;
  }

  // ---- user tasks -------------------------------------------------------------------------

  searchUserTasks(filter: UserTaskFilter): Promise<UserTask[]> {
    return this.store.searchUserTasks(filter);
  }

  getUserTask(userTaskKey: string): Promise<UserTask | null> {
    return this.store.getUserTask(userTaskKey);
  }

  async assignUserTask(userTaskKey: string, assignee: string | null): Promise<void> {
    const task = await this.openUserTask(this.store, userTaskKey);
    await this.mutex.run(task.instanceKey, () =>
      this.store.transaction(async (tx) => {
        await this.openUserTask(tx, userTaskKey);
        await tx.updateUserTask(userTaskKey, { assignee });
      }),
    );
  }

  async completeUserTask(userTaskKey: string, variables: Variables = {}): Promise<void> {
    const task = await this.openUserTask(this.store, userTaskKey);
    const target = { elementId: task.elementId, elementInstance: task.elementInstanceKey, jobKey: null };
    await this.step(task.instanceKey, target, async (runtime, _record, tx) => {
      await this.openUserTask(tx, userTaskKey);
      await runtime.signal(task.elementInstanceKey, task.elementId, variables);
      await tx.updateUserTask(userTaskKey, { state: 'completed', completedAt: new Date(this.clock()) });
    });
  }

  // ---- messages ---------------------------------------------------------------------------

  async publishMessage(input: PublishMessageInput): Promise<{ key: string; correlated: boolean }> {
    const tenantId = input.tenantId ?? this.tenantId;
    const now = new Date(this.clock());
    if (input.messageId && (await this.store.findBufferedMessageById(tenantId, input.messageId, now))) {
      throw new EngineError('INVALID_STATE', `A message with id ${input.messageId} is already published`, { messageId: input.messageId });
    }
    const key = this.key();
    const subscriptions = await this.store.findSubscriptions({ tenantId, messageName: input.name, correlationKey: input.correlationKey });
    let correlated = false;
    const byInstance = new Map(subscriptions.map((s) => [s.instanceKey, s]));
    for (const subscription of byInstance.values()) {
      const target = { elementId: subscription.elementId, elementInstance: subscription.elementInstance, jobKey: null };
      const delivered = await this.step(subscription.instanceKey, target, async (runtime, _record, tx) => {
        const current = await tx.findSubscriptions({ tenantId, messageName: input.name, correlationKey: input.correlationKey });
        const still = current.find((s) => s.instanceKey === subscription.instanceKey);
        if (!still) return false;
        await runtime.signal(still.elementInstance, still.elementId, input.variables ?? {});
        return true;
      }).catch((error: unknown) => {
        if (error instanceof EngineError && error.code !== 'STEP_FAILED') return false;
        throw error;
      });
      correlated ||= delivered;
    }
    if (!correlated && (input.timeToLiveMs ?? 0) > 0) {
      await this.store.insertMessage({
        key,
        name: input.name,
        correlationKey: input.correlationKey,
        tenantId,
        messageId: input.messageId ?? null,
        variables: input.variables ?? {},
        expiresAt: new Date(now.getTime() + input.timeToLiveMs!),
      });
    }
    return { key, correlated };
  }

  // ---- incidents --------------------------------------------------------------------------

  listIncidents(filter: { instanceKey?: string; state?: 'active' | 'resolved' }): Promise<Incident[]> {
    return this.store.listIncidents(filter);
  }

  /**
   * Resolves an incident as Zeebe does: a job incident makes the job activatable again when it has
   * retries left (set them first with updateJobRetries), and raises a new incident when it has none.
   */
  async resolveIncident(incidentKey: string): Promise<void> {
    let posted: string | null = null;
    await this.store.transaction(async (tx) => {
      const incident = await tx.getIncident(incidentKey);
      if (!incident) throw notFound('Incident', incidentKey);
      if (incident.state !== 'active') throw new EngineError('INVALID_STATE', `Incident ${incidentKey} is already resolved`);
      const now = new Date(this.clock());
      await tx.resolveIncident(incidentKey, now);
      if (!incident.jobKey) return;
      const job = await tx.getJob(incident.jobKey);
      if (!job || job.state !== 'failed') return;
      if (job.retries > 0) {
        await tx.updateJob(job.key, { state: 'activatable', dueAt: now, worker: null, deadline: null });
        posted = job.type;
      } else {
        await tx.insertIncident(this.incident(jobTarget(job), job.instanceKey, 'JOB_NO_RETRIES', job.errorMessage ?? 'No retries left'));
      }
    });
    if (posted) this.announce([posted]);
  }

  // ---- scheduler --------------------------------------------------------------------------

  /** One scheduler pass: releases expired job locks, fires due timers, drops expired messages. */
  async processDue(): Promise<{ jobsReleased: number; timerInstances: number; messagesExpired: number }> {
    const now = new Date(this.clock());
    const jobsReleased = await this.store.releaseExpiredJobs(now);
    const due = await this.store.dueTimerInstances(now, 200);
    for (const instanceKey of due) {
      await this.step(instanceKey, null, async () => undefined).catch((error: unknown) => {
        if (!(error instanceof EngineError) || error.code === 'STEP_FAILED') this.onError(error);
      });
    }
    const messagesExpired = await this.store.deleteExpiredMessages(now);
    if (jobsReleased > 0) this.events.emit('jobs', '*');
    return { jobsReleased, timerInstances: due.length, messagesExpired };
  }

  // ---- internals --------------------------------------------------------------------------

  /**
   * Runs one action on one instance: never two at once for the same instance (in-process mutex plus
   * the row lock), state and index rows committed together. When the action makes the execution fail,
   * nothing of the step is kept and an incident records where and why.
   */
  private async step<T>(
    instanceKey: string,
    target: StepTarget | null,
    action: (runtime: InstanceRuntime, record: InstanceRecord, tx: EngineStoreOps) => Promise<T>,
  ): Promise<T> {
    const posted: string[] = [];
    try {
      const result = await this.mutex.run(instanceKey, () =>
        this.store.transaction(async (tx) => {
          const record = await this.lockActive(tx, instanceKey);
          // Read through the open transaction: PGlite has one connection, a query beside it would wait forever.
          const model = await this.model(record.definitionKey, tx);
          const runtime = await InstanceRuntime.recover(model, record.engineState, record.variables, this.clock, instanceKey);
          try {
            const value = await action(runtime, record, tx);
            await this.persist(tx, runtime, record, posted);
            return value;
          } finally {
            runtime.stop();
          }
        }),
      );
      this.announce(posted);
      return result;
    } catch (error) {
      if (error instanceof EngineError && error.code === 'STEP_FAILED') await this.recordStepFailure(instanceKey, target, error);
      throw error;
    }
  }

  private async recordStepFailure(instanceKey: string, target: StepTarget | null, error: EngineError) {
    await this.store.transaction(async (tx) => {
      const record = await tx.lockInstance(instanceKey);
      const where = target ?? { elementId: record?.activeElements[0]?.elementId ?? '', elementInstance: '', jobKey: null };
      if (where.jobKey) await tx.updateJob(where.jobKey, { state: 'failed', errorMessage: error.message, deadline: null });
      await tx.insertIncident(this.incident(where, instanceKey, 'EXECUTION_ERROR', error.message));
    });
  }

  /** Saves a settled runtime: state, variables, waits; then correlates buffered messages it now waits for. */
  private async persist(tx: EngineStoreOps, runtime: InstanceRuntime, record: InstanceRecord, posted: string[]) {
    for (let round = 0; ; round++) {
      const waits = runtime.completed ? EMPTY_WAITS : runtime.waits(() => this.key());
      const now = new Date(this.clock());
      const message = round < MAX_BUFFERED_CORRELATIONS ? await this.takeBuffered(tx, record.tenantId, waits.subscriptions, now) : null;
      if (message) {
        await runtime.signal(message.subscription.elementInstance, message.subscription.elementId, message.variables);
        continue;
      }
      const completed = runtime.completed;
      Object.assign(record, {
        state: completed ? 'completed' : 'active',
        engineState: completed ? {} : await runtime.getEngineState(),
        variables: runtime.variables,
        activeElements: completed ? [] : runtime.activeElements(record.activeElements),
        endedAt: completed ? now : null,
      });
      await tx.updateInstance(record);
      await tx.syncWaits(record, waits, now);
      posted.push(...new Set(waits.jobs.map((j) => j.type)));
      return;
    }
  }

  private async takeBuffered(tx: EngineStoreOps, tenantId: string, subscriptions: { messageName: string; correlationKey: string; elementId: string; elementInstance: string }[], now: Date) {
    for (const subscription of subscriptions) {
      const message = await tx.takeBufferedMessage({ tenantId, name: subscription.messageName, correlationKey: subscription.correlationKey, now });
      if (message) return { subscription, variables: message.variables };
    }
    return null;
  }

  private announce(types: string[]) {
    for (const type of types) this.events.emit('jobs', type);
  }

  private async lockActive(tx: EngineStoreOps, instanceKey: string): Promise<InstanceRecord> {
    const record = await tx.lockInstance(instanceKey);
    if (!record) throw notFound('Process instance', instanceKey);
    if (record.state !== 'active') throw new EngineError('INVALID_STATE', `Process instance ${instanceKey} is ${record.state}`);
    return record;
  }

  private async openJob(ops: EngineStoreOps, jobKey: string): Promise<JobRecord> {
    const job = await ops.getJob(jobKey);
    if (!job) throw notFound('Job', jobKey);
    if (!OPEN_JOB_STATES.has(job.state)) throw new EngineError('INVALID_STATE', `Job ${jobKey} is ${job.state}`, { state: job.state });
    return job;
  }

  private async openUserTask(ops: EngineStoreOps, key: string): Promise<UserTask> {
    const task = await ops.getUserTask(key);
    if (!task) throw notFound('User task', key);
    if (task.state !== 'created') throw new EngineError('INVALID_STATE', `User task ${key} is ${task.state}`, { state: task.state });
    return task;
  }

  private model(definitionKey: string, ops: EngineStoreOps = this.store): Promise<ProcessModel> {
    let model = this.models.get(definitionKey);
    if (!model) {
      model = this.loadModel(definitionKey, ops);
      this.models.set(definitionKey, model);
      model.catch(() => this.models.delete(definitionKey));
    }
    return model;
  }

  private async loadModel(definitionKey: string, ops: EngineStoreOps): Promise<ProcessModel> {
    const definition = await ops.getDefinition(definitionKey);
    if (!definition) throw notFound('Process definition', definitionKey);
    const model = (await loadProcessModels(definition.source)).find((m) => m.bpmnProcessId === definition.bpmnProcessId);
    if (!model) throw new EngineError('INVALID_DEFINITION', `Definition ${definitionKey} has no process ${definition.bpmnProcessId}`);
    return model;
  }

  private incident(target: StepTarget, instanceKey: string, errorType: IncidentRecord['errorType'], errorMessage: string): IncidentRecord {
    return { key: this.key(), instanceKey, elementId: target.elementId, elementInstance: target.elementInstance, jobKey: target.jobKey, errorType, errorMessage };
  }

  private ref(record: InstanceRecord): InstanceRef {
    const { key, definitionKey, bpmnProcessId, version, tenantId, businessKey } = record;
    return { key, definitionKey, bpmnProcessId, version, tenantId, businessKey };
  }

  private async status(record: InstanceRecord): Promise<InstanceStatus> {
    return {
      ...this.ref(record),
      state: record.state,
      variables: record.variables,
      activeElements: record.activeElements,
      incidents: await this.store.listIncidents({ instanceKey: record.key, state: 'active' }),
      startedAt: record.startedAt.toISOString(),
      endedAt: record.endedAt?.toISOString() ?? null,
    };
  }

  private key(): string {
    return this.nextKey().toString();
  }
}

const jobTarget = (job: JobRecord): StepTarget => ({ elementId: job.elementId, elementInstance: job.elementInstance, jobKey: job.key });
