import { systemClock, type Clock } from '../clock';
import { notFound } from '../errors';
import type { EngineStore, InstanceRecord } from '../store';
import type {
  ActivateJobsInput, ActivatedJob, CompleteOptions, DeployedProcess, DeployResource, FailJobInput, Incident, InstanceFilter,
  InstanceRef, InstanceStatus, JobWorker, MigrationPlan, MigrationReport, ModifyInstanceInput, ProcessDefinitionInfo, PublishMessageInput, StartInstanceInput, ThrowErrorInput, UserTask,
  UserTaskFilter, Variables, WorkerOptions, WorkflowEngine,
} from '../types';
import { PollingJobWorker } from '../worker/polling-job-worker';
import { deploy } from './deployment';
import type { HotInstanceOptions } from './hot-instances';
import { resolveIncident } from './incident-operations';
import { listDefinitions, migrateInstance, modifyInstance } from './instance-changes';
import type { RuntimeKind } from './runtime';
import { JobOperations } from './job-operations';
import { JobPush } from './job-push';
import { publishMessage } from './message-operations';
import { NodeLiveness, type NodeOptions } from './node-liveness';
import { Scheduler, type DueWork } from './scheduler';
import { EMPTY_WAITS, StepRunner } from './step-runner';
import { UserTaskOperations } from './user-task-operations';

/** How often a worker looks for jobs by itself while the scheduler wakes it (see createWorker). */
const FALLBACK_POLL_MS = 10_000;
/** Every lock deadline lies before it. */
const END_OF_TIME = new Date('9999-12-31T00:00:00Z');

export interface EmbeddedEngineOptions {
  store: EngineStore;
  clock?: Clock;
  /** Tenant (jurisdiction) used when a call names none. */
  defaultTenantId?: string;
  /** How often due timers, expired job locks, dead nodes and expired messages are looked for. */
  schedulerIntervalMs?: number;
  /** This process as a node on the database: name, heartbeat interval, after how long a silent node is dead (docs/adr/0013). */
  node?: NodeOptions;
  onError?: (error: unknown) => void;
  /** Recently stepped instances kept in memory between steps (docs/adr/0015); `{ max: 0 }` keeps none. */
  hotInstances?: HotInstanceOptions;
  /** The runtime new instances start on: the token executor (default) or bpmn-engine; ENGINE_RUNTIME when omitted (docs/adr/0043). */
  runtime?: RuntimeKind;
}

/**
 * The embedded adapter of the WorkflowEngine port: the token executor (bpmn-engine for the instances it saved) executes the BPMN, the database holds
 * everything. Each call is a step (see StepRunner); only instances stepped a moment ago stay in memory; a restart loses
 * nothing. This class only routes the port's calls to the module that owns them.
 */
export class EmbeddedEngine implements WorkflowEngine {
  private readonly runner: StepRunner;
  private readonly jobs: JobOperations;
  private readonly userTasks: UserTaskOperations;
  private readonly scheduler: Scheduler;
  private readonly node: NodeLiveness;
  private readonly workers = new Set<JobWorker>();

  constructor(options: EmbeddedEngineOptions) {
    const onError = options.onError ?? ((error: unknown) => console.error('[engine]', error));
    this.runner = new StepRunner(options.store, options.clock ?? systemClock, options.defaultTenantId ?? '<default>', onError, options.hotInstances, options.runtime);
    this.node = new NodeLiveness(this.runner, options.node);
    this.jobs = new JobOperations(this.runner, this.node);
    this.userTasks = new UserTaskOperations(this.runner);
    this.scheduler = new Scheduler(this.runner, this.node, options.schedulerIntervalMs ?? 500);
    this.runner.push = new JobPush(
      () => this.node.ownerNow,
      (keys) => void this.jobs.release(keys),
      (jobs) => this.jobs.handed(jobs),
    );
  }

  /**
   * Joins the database as a node (a heartbeat every second; the jobs this engine's workers lock name it)
   * and starts the scheduler loop (timers, job lock expiry, locks of dead nodes, message TTL). Tests may
   * call heartbeat() and processDue() instead.
   */
  start(): this {
    this.node.start();
    this.scheduler.start();
    return this;
  }

  /** This process's node id in engine_node, recorded as the owner of the job locks it takes once started. */
  get nodeId(): string {
    return this.node.id;
  }

  /** Writes this node's heartbeat now (the started engine does so every heartbeat interval). */
  heartbeat(): Promise<void> {
    return this.node.beat();
  }

  /**
   * Makes every activated job activatable again now instead of when its lock expires; returns how
   * many. Only for a process that starts alone on its database (PGlite admits one process per data
   * directory), before its workers: then every lock found belongs to a process that died.
   */
  async releaseAllJobLocks(): Promise<number> {
    const { store, clock } = this.runner;
    const now = new Date(clock());
    const { jobsReleased: released } = await store.sweep({ self: this.node.id, staleBefore: END_OF_TIME, dead: [], locksExpiredBefore: END_OF_TIME, now, timerBatch: 0 });
    if (released > 0) this.runner.announce(['*']);
    return released;
  }

  /** Stops the scheduler and the workers, then leaves: the locks this node still holds are released at once. */
  async close(): Promise<void> {
    await this.scheduler.stop();
    await Promise.all([...this.workers].map((w) => w.close()));
    await this.node.stop();
    this.runner.hot.clear();
  }

  /** Notifies in-process workers when jobs of a type become activatable ('*': of any type). */
  onJobsAvailable(listener: (type: string) => void): () => void {
    this.runner.events.on('jobs', listener);
    return () => this.runner.events.off('jobs', listener);
  }

  /** Notifies after every committed step, whose user tasks may have been created or ended (the live inbox looks at once). */
  onStepCommitted(listener: () => void): () => void {
    this.runner.events.on('step', listener);
    return () => this.runner.events.off('step', listener);
  }

  deploy(resources: DeployResource[], options: { tenantId?: string } = {}): Promise<DeployedProcess[]> {
    return deploy(this.runner, resources, options.tenantId ?? this.runner.tenantId);
  }

  // ---- instances --------------------------------------------------------------------------

  async startInstance(input: StartInstanceInput): Promise<InstanceRef> {
    const { store, clock } = this.runner;
    const tenantId = input.tenantId ?? this.runner.tenantId;
    const definition = await store.findDefinition({
      tenantId,
      bpmnProcessId: input.bpmnProcessId,
      ...(input.version !== undefined && { version: input.version }),
    });
    if (!definition) throw notFound('Process', `${input.bpmnProcessId}${input.version ? ` v${input.version}` : ''}`);
    const model = await this.runner.model(definition.key);
    const record: InstanceRecord = {
      key: this.runner.key(),
      definitionKey: definition.key,
      bpmnProcessId: definition.bpmnProcessId,
      version: definition.version,
      tenantId,
      businessKey: input.businessKey ?? null,
      state: 'active',
      engineState: {},
      variables: input.variables ?? {},
      activeElements: [],
      startedAt: new Date(clock()),
      endedAt: null,
      revision: 0,
    };
    await this.runner.start(model, record);
    return ref(record);
  }

  /** One transaction: the instance ends with nothing left open and the caller's writes commit with it (or neither does). */
  async cancelInstance(instanceKey: string, options: CompleteOptions = {}): Promise<void> {
    const { store, mutex, clock } = this.runner;
    await mutex.run(instanceKey, () =>
      store.transaction(async (tx) => {
        const record = await this.runner.lockActive(tx, instanceKey);
        const now = new Date(clock());
        Object.assign(record, { state: 'canceled', engineState: {}, activeElements: [], endedAt: now });
        await tx.saveStep(record, EMPTY_WAITS, now);
        await options.writes?.within(tx.handle);
      }),
    );
    this.runner.hot.drop(instanceKey);
  }

  async getInstance(instanceKey: string): Promise<InstanceStatus | null> {
    const record = await this.runner.store.getInstance(instanceKey);
    return record ? this.status(record) : null;
  }

  async findInstances(filter: InstanceFilter): Promise<InstanceStatus[]> {
    return Promise.all((await this.runner.store.findInstances(filter)).map((r) => this.status(r)));
  }

  async setVariables(instanceKey: string, variables: Variables): Promise<void> {
    await this.runner.step(instanceKey, null, async (runtime) => runtime.setVariables(variables));
  }

  // ---- jobs -------------------------------------------------------------------------------

  activateJobs(input: ActivateJobsInput): Promise<ActivatedJob[]> {
    return this.jobs.activate(input);
  }

  completeJob(jobKey: string, variables: Variables = {}, options: CompleteOptions = {}): Promise<void> {
    return this.jobs.complete(jobKey, variables, options.writes);
  }

  failJob(input: FailJobInput): Promise<void> {
    return this.jobs.fail(input);
  }

  throwError(input: ThrowErrorInput): Promise<void> {
    return this.jobs.throwError(input);
  }

  updateJobRetries(jobKey: string, retries: number): Promise<void> {
    return this.jobs.updateRetries(jobKey, retries);
  }

  /**
   * A worker woken by this engine: at once for the jobs its steps create, and by the scheduler's pass
   * for any other activatable job (another process's, a retry after its backoff). While the scheduler
   * runs, the worker's own poll is only a fallback (idle workers of 14 job types polling every 250 ms
   * were a quarter of the statements of a report on PGlite).
   */
  createWorker(options: WorkerOptions): JobWorker {
    const pollIntervalMs = options.pollIntervalMs ?? (this.scheduler.started ? FALLBACK_POLL_MS : undefined);
    const subscribe = (type: string, listener: () => void) => {
      const wrapped = (available: string) => (available === type || available === '*') && listener();
      return this.onJobsAvailable(wrapped);
    };
    const push = this.runner.push;
    const worker = new PollingJobWorker(this, { ...options, ...(pollIntervalMs !== undefined && { pollIntervalMs }) }, subscribe, push ? (idle) => push.waiting(idle) : undefined);
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
    return this.userTasks.search(filter);
  }

  getUserTask(userTaskKey: string): Promise<UserTask | null> {
    return this.userTasks.get(userTaskKey);
  }

  assignUserTask(userTaskKey: string, assignee: string | null, options: { allowOverride?: boolean } = {}): Promise<void> {
    return this.userTasks.assign(userTaskKey, assignee, options.allowOverride ?? true);
  }

  completeUserTask(userTaskKey: string, variables: Variables = {}, options: CompleteOptions = {}): Promise<void> {
    return this.userTasks.complete(userTaskKey, variables, options.writes);
  }

  // ---- messages, incidents, scheduler -----------------------------------------------------

  publishMessage(input: PublishMessageInput): Promise<{ key: string; correlated: boolean }> {
    return publishMessage(this.runner, input);
  }

  listIncidents(filter: { instanceKey?: string; state?: 'active' | 'resolved' }): Promise<Incident[]> {
    return this.runner.store.listIncidents(filter);
  }

  resolveIncident(incidentKey: string): Promise<void> {
    return resolveIncident(this.runner, incidentKey);
  }

  // ---- modification and migration (docs/adr/0051) --------------------------------------------

  listDefinitions(filter: { bpmnProcessId: string; tenantId?: string }): Promise<ProcessDefinitionInfo[]> {
    return listDefinitions(this.runner, filter);
  }

  modifyInstance(instanceKey: string, input: ModifyInstanceInput): Promise<void> {
    return modifyInstance(this.runner, instanceKey, input);
  }

  migrateInstance(instanceKey: string, plan: MigrationPlan, options: { dryRun?: boolean } = {}): Promise<MigrationReport> {
    return migrateInstance(this.runner, instanceKey, plan, options.dryRun ?? false);
  }

  /** One scheduler pass: releases expired job locks, fires due timers, drops expired messages. */
  processDue(): Promise<DueWork> {
    return this.scheduler.processDue();
  }

  private async status(record: InstanceRecord): Promise<InstanceStatus> {
    return {
      ...ref(record),
      state: record.state,
      variables: record.variables,
      activeElements: record.activeElements,
      incidents: await this.runner.store.listIncidents({ instanceKey: record.key, state: 'active' }),
      startedAt: record.startedAt.toISOString(),
      endedAt: record.endedAt?.toISOString() ?? null,
    };
  }
}

function ref(record: InstanceRecord): InstanceRef {
  const { key, definitionKey, bpmnProcessId, version, tenantId, businessKey } = record;
  return { key, definitionKey, bpmnProcessId, version, tenantId, businessKey };
}
