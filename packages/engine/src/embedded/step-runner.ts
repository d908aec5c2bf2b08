import { EventEmitter } from 'node:events';
import type { Clock } from '../clock';
import { EngineError, notFound } from '../errors';
import { KeyedMutex } from '../keyed-mutex';
import { createKeyGenerator } from '../keys';
import { loadProcessModels, type ProcessModel } from '../model/process-model';
import type { EngineStore, EngineStoreOps, IncidentRecord, InstanceRecord, JobRecord, WaitSnapshot } from '../store';
import { InstanceRuntime } from './instance-runtime';

export const EMPTY_WAITS: WaitSnapshot = { jobs: [], userTasks: [], timers: [], subscriptions: [] };
/** A guard against a message loop: how many buffered messages one step may consume. */
const MAX_BUFFERED_CORRELATIONS = 100;

/** Where an incident is raised when a step fails. */
export interface StepTarget {
  elementId: string;
  elementInstance: string;
  jobKey: string | null;
}

export type StepAction<T> = (runtime: InstanceRuntime, record: InstanceRecord, tx: EngineStoreOps) => Promise<T>;

export const jobTarget = (job: JobRecord): StepTarget => ({ elementId: job.elementId, elementInstance: job.elementInstance, jobKey: job.key });

/**
 * What every operation of the embedded engine shares: the store, the clock, keys, the parsed models,
 * and the step: lock the instance row, recover the instance from its state, apply one action, persist
 * the state with its jobs, user tasks, timers and subscriptions in the same transaction, forget it.
 */
export class StepRunner {
  private readonly models = new Map<string, Promise<ProcessModel>>();
  private readonly nextKey = createKeyGenerator();
  readonly mutex = new KeyedMutex();
  /** 'jobs' with a job type ('*' for any) whenever jobs become activatable. */
  readonly events = new EventEmitter();

  constructor(
    readonly store: EngineStore,
    readonly clock: Clock,
    readonly tenantId: string,
    readonly onError: (error: unknown) => void,
  ) {
    this.events.setMaxListeners(0);
  }

  /**
   * Runs one action on one instance: never two at once for the same instance (in-process mutex plus
   * the row lock), state and index rows committed together. When the action makes the execution fail,
   * nothing of the step is kept and an incident records where and why.
   */
  async step<T>(instanceKey: string, target: StepTarget | null, action: StepAction<T>): Promise<T> {
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

  /** Creates an instance: its first step runs from the start event to its first wait states. */
  async start(model: ProcessModel, record: InstanceRecord): Promise<void> {
    const posted: string[] = [];
    await this.mutex.run(record.key, () =>
      this.store.transaction(async (tx) => {
        const runtime = await InstanceRuntime.start(model, record.variables, this.clock, record.key);
        try {
          await tx.insertInstance(record);
          await this.persist(tx, runtime, record, posted);
        } finally {
          runtime.stop();
        }
      }),
    );
    this.announce(posted);
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

  private async takeBuffered(tx: EngineStoreOps, tenantId: string, subscriptions: WaitSnapshot['subscriptions'], now: Date) {
    for (const subscription of subscriptions) {
      const message = await tx.takeBufferedMessage({ tenantId, name: subscription.messageName, correlationKey: subscription.correlationKey, now });
      if (message) return { subscription, variables: message.variables };
    }
    return null;
  }

  /** After a commit: jobs of these types can be activated; and a step settled (its user tasks may have changed). */
  announce(types: string[]) {
    for (const type of types) this.events.emit('jobs', type);
    this.events.emit('step');
  }

  async lockActive(tx: EngineStoreOps, instanceKey: string): Promise<InstanceRecord> {
    const record = await tx.lockInstance(instanceKey);
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
