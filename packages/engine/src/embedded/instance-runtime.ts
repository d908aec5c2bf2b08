import { EventEmitter } from 'node:events';
import type { Engine } from 'bpmn-engine';
import { EngineError } from '../errors';
import { applyMappings, isFeel, resolveValue } from '../feel';
import { moddleOptions } from '../model/moddle';
import type { ElementModel, ProcessModel } from '../model/process-model';
import { userTaskFields } from '../model/user-task-fields';
import type { WaitSnapshot } from '../store';
import type { ActiveElement, Variables } from '../types';
import type { InstanceRuntime } from './runtime';
import { RecordingTimers } from './recording-timers';

interface PostponedApi {
  id: string;
  type: string;
  executionId: string;
  signal(message?: unknown): void;
  getPostponed?(): PostponedApi[];
}

interface BpmnExecution {
  getPostponed(): PostponedApi[];
}

interface BpmnActivity {
  id: string;
  behaviour: { Service?: unknown };
}

type ServiceCallback = (error: unknown, result?: unknown) => void;

type BpmnEngineModule = typeof import('bpmn-engine');
let bpmnEngine: Promise<BpmnEngineModule> | null = null;
/**
 * bpmn-engine (with bpmn-elements and smqp, ~180 ms to load) is loaded by the first instance a process
 * runs, not at its start: a restarted server answers its first request that much sooner.
 */
const loadBpmnEngine = () => (bpmnEngine ??= import('bpmn-engine'));

/** Element types whose waiting is internal to bpmn-engine and not a wait state of the instance. */
const INTERNAL_WAITS = new Set(['bpmn:ErrorEventDefinition', 'bpmn:EscalationEventDefinition']);

/**
 * bpmn-engine as the runtime of one instance (ENGINE_RUNTIME=bpmn-engine, and instances whose state it saved):
 * created or recovered from its persisted state, advanced by
 * actions, snapshotted after each step. Between steps nothing runs in it (its timers are recorded,
 * never started), so dropping it needs no teardown. Variables live here (not in
 * bpmn-engine) so FEEL sees exactly the Zeebe-style process variables.
 */
export class BpmnEngineRuntime implements InstanceRuntime {
  private engine: Engine;
  private execution: BpmnExecution | null = null;
  private readonly timers: RecordingTimers;
  private readonly serviceCallbacks = new Map<string, ServiceCallback>();
  private failure: Error | null = null;
  private ended = false;

  private constructor(
    { Engine }: BpmnEngineModule,
    private readonly model: ProcessModel,
    public variables: Variables,
    private readonly now: () => number,
    name: string,
  ) {
    this.timers = new RecordingTimers(now);
    this.engine = new Engine({
      name,
      moddleContext: model.moddleContext as never,
      moddleOptions,
      timers: this.timers as never,
      settings: { disableTrackState: true },
      expressions: {
        resolveExpression: (expression: string) => (isFeel(expression) ? resolveValue(expression, this.variables) : expression),
        isExpression: (value: unknown) => isFeel(value),
        hasExpression: (value: unknown) => isFeel(value),
      } as never,
      extensions: { zeebe: (activity: BpmnActivity) => this.extend(activity) } as never,
    });
    this.engine.on('end', () => (this.ended = true));
    this.engine.on('error', (error: Error) => (this.failure ??= error));
  }

  static async start(model: ProcessModel, variables: Variables, now: () => number, name: string) {
    const runtime = new BpmnEngineRuntime(await loadBpmnEngine(), model, variables, now, name);
    runtime.execution = (await runtime.engine.execute({ listener: new EventEmitter() })) as unknown as BpmnExecution;
    await runtime.settle();
    return runtime;
  }

  static async recover(model: ProcessModel, engineState: unknown, variables: Variables, now: () => number, name: string) {
    const runtime = new BpmnEngineRuntime(await loadBpmnEngine(), model, variables, now, name);
    runtime.engine.recover(engineState as never);
    runtime.execution = (await runtime.engine.resume({ listener: new EventEmitter() })) as unknown as BpmnExecution;
    await runtime.settle();
    await runtime.fireDueTimers();
    return runtime;
  }

  /** Fires timers whose due time has passed (bpmn-elements fires most of them itself on resume). */
  async fireDueTimers() {
    const now = this.now();
    for (const timer of this.timers.executing) {
      if (timer.dueAt.getTime() > now) continue;
      this.timers.clearTimeout(timer.ref);
      timer.callback();
      await this.settle();
    }
  }

  get completed(): boolean {
    return this.ended && !this.failure;
  }

  setVariables(variables: Variables) {
    this.variables = { ...this.variables, ...variables };
  }

  /** Completes the waiting job of a service-like task, applying its output mappings. */
  async completeJob(elementInstance: string, elementId: string, result: Variables) {
    const callback = this.serviceCallback(elementInstance);
    this.applyOutputs(elementId, result);
    callback(null, result);
    await this.settle();
  }

  async throwError(elementInstance: string, code: string, message: string, variables: Variables) {
    const callback = this.serviceCallback(elementInstance);
    this.setVariables(variables);
    callback(Object.assign(new Error(message), { name: 'BpmnError', code }));
    await this.settle();
  }

  /** Completes a user task or delivers a message to a waiting catch event / receive task. */
  async signal(elementInstance: string, elementId: string, result: Variables) {
    const waiting = this.postponed().find((p) => p.executionId === elementInstance);
    if (!waiting) throw new EngineError('INVALID_STATE', `Element ${elementId} (${elementInstance}) is not waiting`);
    this.applyOutputs(elementId, result);
    waiting.signal({});
    await this.settle();
  }

  async getEngineState(): Promise<unknown> {
    const state = (await this.engine.getState()) as { definitions?: { source?: unknown }[] };
    for (const definition of state.definitions ?? []) delete definition.source;
    return state;
  }

  /** What the instance waits for now; keys are minted for new waits and ignored for ones already stored. */
  waits(newKey: () => string): WaitSnapshot {
    const snapshot: WaitSnapshot = { jobs: [], userTasks: [], timers: [], subscriptions: [] };
    for (const waiting of this.postponed()) {
      const element = this.model.elements.get(waiting.id);
      if (!element) continue;
      const base = { key: newKey(), elementId: element.id, elementInstance: waiting.executionId };
      if (element.job) snapshot.jobs.push({ ...base, ...this.jobWait(element) });
      else if (element.userTask) snapshot.userTasks.push({ ...base, ...this.userTaskWait(element) });
      if (element.message) {
        snapshot.subscriptions.push({
          ...base,
          messageName: String(resolveValue(element.message.name, this.variables)),
          correlationKey: element.message.correlationKey
            ? String(resolveValue(element.message.correlationKey, this.variables))
            : '',
        });
      }
    }
    for (const timer of this.timers.executing) {
      snapshot.timers.push({ key: newKey(), elementId: timer.elementId, elementInstance: timer.executionId, dueAt: timer.dueAt });
    }
    return snapshot;
  }

  activeElements(previous: ActiveElement[]): ActiveElement[] {
    const since = new Map(previous.map((e) => [e.elementInstanceKey, e.since]));
    const now = new Date(this.now()).toISOString();
    return this.postponed()
      .filter((p) => p.executionId && !INTERNAL_WAITS.has(p.type) && p.type !== 'bpmn:SequenceFlow')
      .map((p) => ({
        elementId: p.id,
        elementType: this.model.elements.get(p.id)?.type ?? p.type,
        elementInstanceKey: p.executionId,
        since: since.get(p.executionId) ?? now,
      }));
  }

  /** Everything waiting, including inside embedded sub-processes (bpmn-engine lists only the sub-process itself). */
  private postponed(): PostponedApi[] {
    const flatten = (apis: PostponedApi[]): PostponedApi[] =>
      apis.flatMap((api) =>
        api.type === 'bpmn:SubProcess' && api.getPostponed ? [api, ...flatten(api.getPostponed().filter((child) => child.id !== api.id))] : [api],
      );
    return flatten(this.execution?.getPostponed() ?? []);
  }

  private extend(activity: BpmnActivity) {
    if (!this.model.elements.get(activity.id)?.job) return;
    const callbacks = this.serviceCallbacks;
    // bpmn-elements constructs the service with `new`, so this must be a function, not an arrow.
    activity.behaviour.Service = function ZeebeJob() {
      return {
        execute(context: { content: { executionId: string } }, callback: ServiceCallback) {
          callbacks.set(context.content.executionId, callback);
        },
      };
    };
  }

  private serviceCallback(elementInstance: string): ServiceCallback {
    const callback = this.serviceCallbacks.get(elementInstance);
    if (!callback) throw new EngineError('INVALID_STATE', `No job is waiting at ${elementInstance}`);
    this.serviceCallbacks.delete(elementInstance);
    return callback;
  }

  private applyOutputs(elementId: string, result: Variables) {
    const element = this.model.elements.get(elementId);
    if (!element || element.outputs.length === 0) return this.setVariables(result);
    const local = applyMappings(element.inputs, this.variables);
    this.setVariables(applyMappings(element.outputs, { ...this.variables, ...local, ...result }));
  }

  private jobWait(element: ElementModel) {
    const job = element.job!;
    const retries = Number(resolveValue(job.retries, this.variables));
    return {
      type: String(resolveValue(job.type, this.variables)),
      retries: Number.isInteger(retries) && retries >= 0 ? retries : 3,
      variables: applyMappings(element.inputs, this.variables),
      customHeaders: job.headers,
    };
  }

  private userTaskWait(element: ElementModel) {
    const local = applyMappings(element.inputs, this.variables);
    return userTaskFields(element, { ...this.variables, ...local }, local);
  }

  /** Lets bpmn-engine finish what an action set off, then surfaces an execution error. */
  private async settle() {
    await new Promise((resolve) => setImmediate(resolve));
    if (this.failure) {
      const message = this.failure.message;
      this.failure = null;
      throw new EngineError('STEP_FAILED', message);
    }
  }
}
