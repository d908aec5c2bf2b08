import { EventEmitter } from 'node:events';
import type { Clock } from '../clock';
import { EngineError, notFound, StepConflict } from '../errors';
import { KeyedMutex } from '../keyed-mutex';
import { createKeyGenerator } from '../keys';
import { loadProcessModels, type ProcessModel } from '../model/process-model';
import { storedWaitsOf, type EngineStore, type EngineStoreOps, type IncidentRecord, type InstanceRecord, type JobRecord, type LockedInstance, type StepClaim, type StepExpectation, type StoredWaits, type WaitSnapshot } from '../store';
import type { StepWrites } from '../types';
import { DEFAULT_HOT_INSTANCES, HotInstances, type HotInstance, type HotInstanceOptions } from './hot-instances';
import type { Delivery, JobPush, StepPush } from './job-push';
import { recoverRuntime, runtimeKindFromEnv, startRuntime, type InstanceRuntime, type RuntimeKind } from './runtime';

export const EMPTY_WAITS: WaitSnapshot = { jobs: [], userTasks: [], timers: [], subscriptions: [] };
/** A guard against a message loop: how many buffered messages one step may consume. */
const MAX_BUFFERED_CORRELATIONS = 100;
/** A step on a kept runtime that did not commit: run it again from the locked row. */
const RETRY = Symbol('retry');

/** Where an incident is raised when a step fails. */
export interface StepTarget {
  elementId: string;
  elementInstance: string;
  jobKey: string | null;
}

/** `claimed`: whether the step's claim (see StepOptions) was still open and is now closed; false without one. */
export type StepAction<T> = (runtime: InstanceRuntime, record: InstanceRecord, tx: EngineStoreOps, claimed: boolean) => Promise<T>;

export interface StepOptions {
  /** The job or user task the step answers: closed by the statement that locks the instance, or by the step's write. */
  claim?: StepClaim;
  /** A caller's business writes: they run after the step's write (which holds the row lock) and commit with it. */
  writes?: StepWrites;
  /** Lock and read the row before the action even when this process keeps the runtime (the action reads other rows of the instance). */
  lockFirst?: boolean;
}

/** What one attempt at a step leaves: the action's value, and what to keep and deliver once it commits. */
interface Attempt<T> {
  value: T;
  settled: HotInstance | null;
  delivery: Delivery | null;
}

export const jobTarget = (job: Pick<JobRecord, 'key' | 'elementId' | 'elementInstance'>): StepTarget => ({ elementId: job.elementId, elementInstance: job.elementInstance, jobKey: job.key });

/**
 * What every operation of the embedded engine shares: the store, the clock, keys, the parsed models,
 * and the step: lock the instance row, recover the instance from its state (or take it from the hot
 * instances if it was stepped here a moment ago), apply one action, persist the state with its jobs,
 * user tasks, timers and subscriptions in the same transaction.
 */
export class StepRunner {
  private readonly models = new Map<string, Promise<ProcessModel>>();
  private readonly nextKey = createKeyGenerator();
  readonly mutex = new KeyedMutex();
  readonly hot: HotInstances;
  /** 'jobs' with a job type ('*' for any) whenever jobs become activatable. */
  readonly events = new EventEmitter();
  /** Hands the jobs a step creates to idle workers of this process (set by the engine; none: every job waits for an activation). */
  push: JobPush | null = null;

  constructor(
    readonly store: EngineStore,
    readonly clock: Clock,
    readonly tenantId: string,
    readonly onError: (error: unknown) => void,
    hotInstances: HotInstanceOptions = DEFAULT_HOT_INSTANCES,
    /** The runtime new instances start on (an instance stays on the one it started on). */
    readonly runtimeKind: RuntimeKind = runtimeKindFromEnv(),
  ) {
    this.events.setMaxListeners(0);
    this.hot = new HotInstances(hotInstances);
  }

  /**
   * Runs one action on one instance: never two at once for the same instance (in-process mutex plus
   * the row lock), state and index rows committed together. When the action makes the execution fail,
   * nothing of the step is kept and an incident records where and why.
   *
   * An instance this process stepped a moment ago (its runtime kept) is stepped without locking its row first: the step's
   * write locks it, only at the revision the runtime committed, and closes the claim (docs/adr/0074). If the row moved
   * on or the claim was closed, or the attempt fails before that write, it rolls back and the step runs again the locked
   * way: lock and read the row (closing the claim in that statement), recover the runtime, act, write.
   */
  async step<T>(instanceKey: string, target: StepTarget | null, action: StepAction<T>, options: StepOptions = {}): Promise<T> {
    try {
      return await this.mutex.run(instanceKey, async () => {
        const kept = options.lockFirst ? null : this.hot.take(instanceKey);
        if (kept) {
          const value = await this.attempt(instanceKey, (tx, posted, handover) => this.onKept(tx, kept, action, options, posted, handover), RETRY);
          if (value !== RETRY) return value;
        }
        return this.attempt(instanceKey, (tx, posted, handover) => this.onLocked(tx, instanceKey, action, options, posted, handover));
      });
    } catch (error) {
      if (error instanceof EngineError && error.code === 'STEP_FAILED') await this.recordStepFailure(instanceKey, target, error);
      throw error;
    }
  }

  /**
   * One transaction of a step; once it commits, the runtime is kept, its pushed jobs delivered and its jobs announced.
   * `orRetry`: what it answers instead of throwing when the transaction fails with a StepConflict (rolled back; nothing of it kept).
   */
  private async attempt<T, R = never>(
    instanceKey: string,
    run: (tx: EngineStoreOps, posted: string[], handover: StepPush | null) => Promise<Attempt<T>>,
    orRetry?: R,
  ): Promise<T | R> {
    const posted: string[] = [];
    const handover = this.push?.begin(new Date(this.clock())) ?? null;
    try {
      let done: Attempt<T>;
      try {
        done = await this.store.transaction((tx) => run(tx, posted, handover));
      } catch (error) {
        if (orRetry === undefined || !(error instanceof StepConflict)) throw error;
        return orRetry;
      }
      // Committed: the runtime is now exactly the row's state at that revision.
      if (done.settled) this.hot.put(instanceKey, done.settled);
      this.deliver(done.delivery);
      this.announce(posted);
      return done.value;
    } finally {
      handover?.end();
    }
  }

  /**
   * A step on the runtime this process kept: its write expects the row at the kept revision, with the claim open. Until
   * that write has checked them, any failure may come of what it assumed (a claim already closed elsewhere, a state
   * moved on), so it is a StepConflict: the step runs again from the row. The caller's writes run once it has.
   */
  private async onKept<T>(tx: EngineStoreOps, kept: HotInstance, action: StepAction<T>, options: StepOptions, posted: string[], handover: StepPush | null): Promise<Attempt<T>> {
    const record = { ...kept.record };
    let done: Attempt<T>;
    try {
      await kept.runtime.fireDueTimers();
      const value = await action(kept.runtime, record, tx, options.claim !== undefined);
      const expected = { revision: kept.record.revision, claim: options.claim };
      done = { value, ...(await this.persist(tx, kept.runtime, record, posted, kept.stored, handover, expected)) };
    } catch (error) {
      throw error instanceof StepConflict ? error : new StepConflict(`Process instance ${record.key}: the step on its kept runtime failed`, { cause: error });
    }
    await options.writes?.within(tx.handle);
    return done;
  }

  /** A step from the locked row: the lock closes the claim and says whether it was open. */
  private async onLocked<T>(tx: EngineStoreOps, instanceKey: string, action: StepAction<T>, options: StepOptions, posted: string[], handover: StepPush | null): Promise<Attempt<T>> {
    const { claimed, ...record } = await this.lockActive(tx, instanceKey, this.hot.revisionOf(instanceKey), options.claim);
    const { runtime, stored } = await this.runtimeAt(record, tx);
    const value = await action(runtime, record, tx, claimed);
    const saved = await this.persist(tx, runtime, record, posted, stored, handover);
    await options.writes?.within(tx.handle);
    return { value, ...saved };
  }

  /** Creates an instance: its first step runs from the start event to its first wait states. */
  async start(model: ProcessModel, record: InstanceRecord): Promise<void> {
    await this.mutex.run(record.key, () =>
      this.attempt(record.key, async (tx, posted, handover) => {
        const runtime = await startRuntime(this.runtimeKind, model, record.variables, this.runtimeContext(record.key));
        await tx.insertInstance(record);
        return { value: undefined, ...(await this.persist(tx, runtime, record, posted, undefined, handover)) };
      }),
    );
  }

  /**
   * The instance in memory as its locked row says it is: the runtime its last step in this process
   * committed, if that is still the row's revision (with the waits that step stored), else recovered
   * from the saved state. Read through the open transaction: PGlite has one connection, a query beside
   * it would wait forever.
   */
  private async runtimeAt(record: InstanceRecord, tx: EngineStoreOps): Promise<{ runtime: InstanceRuntime; stored?: StoredWaits }> {
    const hot = this.hot.takeAt(record.key, record.revision);
    if (hot) {
      hot.runtime.variables = record.variables;
      await hot.runtime.fireDueTimers();
      return hot;
    }
    const model = await this.model(record.definitionKey, tx);
    // The lock left the state out for a runtime kept at this revision, which the idle sweep dropped since: read it now.
    const engineState = record.engineState ?? (await tx.lockInstance(record.key))?.engineState;
    return { runtime: await recoverRuntime(model, engineState, record.variables, this.runtimeContext(record.key)) };
  }

  private runtimeContext(instanceKey: string) {
    return { clock: this.clock, name: instanceKey, newKey: () => this.key() };
  }

  private async recordStepFailure(instanceKey: string, target: StepTarget | null, error: EngineError) {
    await this.store.transaction(async (tx) => {
      const record = await tx.lockInstance(instanceKey);
      const where = target ?? { elementId: record?.activeElements[0]?.elementId ?? '', elementInstance: '', jobKey: null };
      if (where.jobKey) await tx.updateJob(where.jobKey, { state: 'failed', errorMessage: error.message, deadline: null });
      await tx.insertIncident(this.incident(where, instanceKey, 'EXECUTION_ERROR', error.message));
    });
  }

  /**
   * Saves a settled runtime: state, variables, waits (only what changed since `stored`, when known);
   * then correlates buffered messages it now waits for. Returns what the hot instances keep of a
   * runtime still active, null once it has completed.
   */
  private async persist(
    tx: EngineStoreOps,
    runtime: InstanceRuntime,
    record: InstanceRecord,
    posted: string[],
    stored?: StoredWaits,
    handover?: StepPush | null,
    expected?: StepExpectation,
  ): Promise<{ settled: HotInstance | null; delivery: Delivery | null }> {
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
      const saved = await tx.saveStep(record, waits, now, stored, handover?.lock, expected);
      record.revision = saved.revision;
      // Jobs handed to an idle worker here need no announcement; the others wake their workers.
      const handed = new Set(saved.locked);
      posted.push(...new Set(saved.jobs.filter((j) => !handed.has(j.key)).map((j) => j.type)));
      const delivery = handover && handed.size > 0 ? handover.delivery(record, saved.locked) : null;
      if (completed) return { settled: null, delivery };
      return { settled: { runtime, stored: storedWaitsOf(waits), record }, delivery };
    }
  }

  private async takeBuffered(tx: EngineStoreOps, tenantId: string, subscriptions: WaitSnapshot['subscriptions'], now: Date) {
    const taken = await tx.takeBufferedMessageFor({ tenantId, subscriptions, now });
    const subscription = taken && subscriptions[taken.index];
    return subscription ? { subscription, variables: taken.message.variables } : null;
  }

  /** After a commit: the jobs it handed to idle workers reach them. */
  private deliver(delivery: Delivery | null) {
    if (delivery && this.push) delivery.send(this.push);
  }

  /** After a commit: jobs of these types can be activated; and a step settled (its user tasks may have changed). */
  announce(types: string[]) {
    for (const type of types) this.events.emit('jobs', type);
    this.events.emit('step');
  }

  /** Locks an active instance's row (leaving out its saved state when a runtime is kept at `hotRevision`). */
  async lockActive(tx: EngineStoreOps, instanceKey: string, hotRevision?: number, claim?: StepClaim): Promise<LockedInstance> {
    const record = await tx.lockInstance(instanceKey, hotRevision, claim);
    if (!record) throw notFound('Process instance', instanceKey);
    if (record.state !== 'active') throw new EngineError('INVALID_STATE', `Process instance ${instanceKey} is ${record.state}`);
    return record;
  }

  /** The parsed model of a deployed definition, parsed once per process. */
  model(definitionKey: string, ops: EngineStoreOps = this.store): Promise<ProcessModel> {
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

  incident(target: StepTarget, instanceKey: string, errorType: IncidentRecord['errorType'], errorMessage: string): IncidentRecord {
    return { key: this.key(), instanceKey, elementId: target.elementId, elementInstance: target.elementInstance, jobKey: target.jobKey, errorType, errorMessage };
  }

  key(): string {
    return this.nextKey().toString();
  }
}
