import { EngineError } from '../errors';
import { applyMappings, isFeel, resolveValue } from '../feel';
import type { ElementModel, ProcessModel, SequenceFlowModel } from '../model/process-model';
import { userTaskFields } from '../model/user-task-fields';
import type { JobWait, UserTaskWait, WaitSnapshot } from '../store';
import type { ActiveElement, ModifyInstanceInput, Variables } from '../types';
import { planModification } from './modification';
import { processorOf, type ExecutionContext } from './processors';
import { emptyState, type ElementInstance, type ExecutorState, type MessageSubscription, type TimerInstance } from './state';
import { addDuration, parseCycle, parseDate } from './timer-expressions';

/** A guard against a flow that loops without a wait state. */
const MAX_ACTIVATIONS_PER_STEP = 10_000;

interface Activation {
  elementId: string;
  scope: string | null;
  flowId: string | null;
  variables?: Variables;
}

/**
 * One process instance in the token executor (docs/adr/0032): Zeebe's semantics over the parsed model,
 * run to its next wait states by each action. Variables: the process scope is `variables` (the instance
 * row's column); sub-processes and tasks with input mappings hold local ones. Nothing runs between steps:
 * timers are rows with a due time that a step fires once it has passed (no upper limit).
 */
export class TokenRuntime implements ExecutionContext {
  private readonly agenda: Activation[] = [];
  private ended = false;
  /** Waits computed once per element instance (they do not change while it waits). */
  private readonly jobWaits = new Map<string, Omit<JobWait, 'key'>>();
  private readonly taskWaits = new Map<string, Omit<UserTaskWait, 'key'>>();

  private constructor(
    private readonly model: ProcessModel,
    private readonly state: ExecutorState,
    public variables: Variables,
    private readonly now: () => number,
    private readonly newKey: () => string,
  ) {}

  static start(model: ProcessModel, variables: Variables, now: () => number, newKey: () => string): TokenRuntime {
    const runtime = new TokenRuntime(model, emptyState(), { ...variables }, now, newKey);
    if (!model.startId) throw new EngineError('STEP_FAILED', `Process ${model.bpmnProcessId} has no none start event`);
    runtime.armEventStarts(model.eventStartIds, null);
    runtime.schedule({ elementId: model.startId, scope: null, flowId: null });
    runtime.run();
    return runtime;
  }

  static recover(model: ProcessModel, state: ExecutorState, variables: Variables, now: () => number, newKey: () => string): TokenRuntime {
    const runtime = new TokenRuntime(model, state, variables, now, newKey);
    runtime.fireDueTimers();
    return runtime;
  }

  get completed(): boolean {
    return this.ended;
  }

  // ---- actions (the port's calls) ------------------------------------------------------------

  fireDueTimers(): void {
    for (let fired = 0; fired < MAX_ACTIVATIONS_PER_STEP; fired++) {
      const now = this.now();
      const due = this.state.timers.filter((t) => t.dueAt <= now).sort((a, b) => a.dueAt - b.dueAt)[0];
      if (!due || this.ended) return;
      this.fire(due);
      this.run();
    }
  }

  setVariables(variables: Variables): void {
    this.variables = { ...this.variables, ...variables };
  }

  completeJob(elementInstance: string, elementId: string, result: Variables): void {
    const instance = this.waitingAt(elementInstance, elementId, (e) => Boolean(e.job));
    this.complete(instance, result);
    this.run();
  }

  throwErrorAt(elementInstance: string, code: string, variables: Variables): void {
    const instance = this.waitingAt(elementInstance, undefined, (e) => Boolean(e.job));
    this.throwError(instance, code, variables);
    this.run();
  }

  /** Completes a user task, or delivers a message to the subscription (catch event, receive task, boundary event, event sub-process). */
  signal(elementInstance: string, elementId: string, result: Variables): void {
    const subscription = this.state.messages.find((m) => m.key === elementInstance);
    if (subscription) this.trigger(subscription, 'message', result);
    else this.complete(this.waitingAt(elementInstance, elementId, (e) => e.type === 'bpmn:UserTask'), result);
    this.run();
  }

  /**
   * Process instance modification (docs/adr/0051): checked whole first (planModification), refused with the reasons
   * and nothing changed; else the element instances end (with what is inside them, their timers and subscriptions) and
   * the elements start in their scopes, running to their next wait states.
   */
  modify(input: ModifyInstanceInput): void {
    const { refusals, activations } = planModification(this.model, this.state, input);
    if (refusals.length > 0) throw new EngineError('INVALID_STATE', refusals.map((r) => r.message).join('; '), { refusals });
    for (const key of input.terminate) {
      const instance = this.instance(key);
      if (instance) this.terminate(instance);
    }
    for (const { elementId, scope, variables } of activations) this.schedule({ elementId, scope, flowId: null, ...(variables && { variables }) });
    this.run();
  }

  getEngineState(): ExecutorState {
    return this.state;
  }

  waits(newKey: () => string): WaitSnapshot {
    const snapshot: WaitSnapshot = { jobs: [], userTasks: [], timers: [], subscriptions: [] };
    for (const instance of this.state.elements) {
      const element = this.element(instance.elementId);
      if (element.job) snapshot.jobs.push({ key: newKey(), ...this.jobWait(element, instance) });
      else if (element.userTask) snapshot.userTasks.push({ key: newKey(), ...this.taskWait(element, instance) });
    }
    for (const timer of this.state.timers) {
      snapshot.timers.push({ key: newKey(), elementId: timer.elementId, elementInstance: timer.key, dueAt: new Date(timer.dueAt) });
    }
    for (const message of this.state.messages) {
      snapshot.subscriptions.push({ key: newKey(), elementId: message.elementId, elementInstance: message.key, messageName: message.name, correlationKey: message.correlationKey });
    }
    return snapshot;
  }

  activeElements(): ActiveElement[] {
    return this.state.elements.map((e) => ({ elementId: e.elementId, elementType: this.element(e.elementId).type, elementInstanceKey: e.key, since: e.since }));
  }

  // ---- the execution context of the processors --------------------------------------------------

  visible(instance: ElementInstance | null): Variables {
    const chain: Variables[] = [];
    for (let at: ElementInstance | null = instance; at; at = this.scopeOf(at)) if (at.variables) chain.push(at.variables);
    if (chain.length === 0) return this.variables;
    return Object.assign({}, this.variables, ...chain.reverse());
  }

  complete(instance: ElementInstance, result: Variables = {}): void {
    const element = this.element(instance.elementId);
    if (element.outputs.length > 0) {
      this.propagate(instance.scope, applyMappings(element.outputs, { ...this.visible(instance), ...result }));
    } else if (Object.keys(result).length > 0) {
      this.propagate(instance.scope, result);
    }
    this.leaveBy(instance, element.outgoing);
  }

  wait(instance: ElementInstance): void {
    this.state.elements.push(instance);
    this.armBoundaries(instance);
  }

  leaveBy(instance: ElementInstance, flows: SequenceFlowModel[]): void {
    this.drop(instance);
    for (const flow of flows) this.schedule({ elementId: flow.targetId, scope: instance.scope, flowId: flow.id });
    this.completeScopeIfDone(instance.scope);
  }

  enterScope(instance: ElementInstance): void {
    const element = this.element(instance.elementId);
    instance.variables ??= {};
    this.wait(instance);
    this.armEventStarts(element.eventStartIds, instance.key);
    if (!element.triggeredByEvent) {
      if (!element.startId) throw new EngineError('STEP_FAILED', `Sub-process ${element.id} has no none start event`);
      this.schedule({ elementId: element.startId, scope: instance.key, flowId: null });
    }
  }

  armCatchEvent(instance: ElementInstance): void {
    const element = this.element(instance.elementId);
    if (element.timer) this.armTimer(element, instance.key, instance);
    if (element.message) this.subscribe(element, instance.key, instance);
  }

  throwError(thrower: ElementInstance, code: string, variables: Variables): void {
    const catches = (id: string) => {
      const element = this.element(id);
      return element.eventKind === 'error' && (element.errorCode === null || element.errorCode === undefined || element.errorCode === code);
    };
    let at: ElementInstance | null = thrower;
    let scope: string | null = thrower.scope;
    const boundaryOf = (instance: ElementInstance) => this.element(instance.elementId).boundaryIds.find(catches);
    if (this.state.elements.includes(thrower)) {
      const boundary = boundaryOf(thrower);
      if (boundary) return this.triggerBoundary(boundary, thrower, variables);
    }
    for (;;) {
      const container = scope === null ? null : this.instance(scope);
      const starts = container ? this.element(container.elementId).eventStartIds : this.model.eventStartIds;
      const start = starts.find(catches);
      if (start) return this.triggerEventSubProcess(start, scope, variables);
      if (!container) break;
      const boundary = boundaryOf(container);
      if (boundary) return this.triggerBoundary(boundary, container, variables);
      at = container;
      scope = container.scope;
    }
    throw new EngineError('STEP_FAILED', `Unhandled error event ${code} thrown at ${at?.elementId ?? thrower.elementId}`);
  }

  terminateScope(instance: ElementInstance): void {
    for (const child of this.state.elements.filter((e) => e.scope === instance.scope)) this.terminate(child);
    this.state.joins = this.state.joins.filter((j) => j.scope !== instance.scope);
    this.agenda.splice(0, this.agenda.length, ...this.agenda.filter((a) => a.scope !== instance.scope));
    this.completeScopeIfDone(instance.scope);
  }

  // ---- the token loop ---------------------------------------------------------------------------

  private schedule(activation: Activation) {
    this.agenda.push(activation);
  }

  private run() {
    for (let count = 0; this.agenda.length > 0; count++) {
      if (count > MAX_ACTIVATIONS_PER_STEP) throw new EngineError('STEP_FAILED', `More than ${MAX_ACTIVATIONS_PER_STEP} elements in one step: a loop without a wait state?`);
      this.activate(this.agenda.shift()!);
    }
  }

  private activate({ elementId, scope, flowId, variables }: Activation) {
    if (this.ended || (scope !== null && !this.instance(scope))) return;
    const element = this.element(elementId);
    if (element.type === 'bpmn:ParallelGateway' && element.incoming.length > 1 && !this.joined(element, scope, flowId)) return;
    const instance: ElementInstance = { key: this.newKey(), elementId, scope, since: new Date(this.now()).toISOString() };
    if (element.inputs.length > 0) instance.variables = applyMappings(element.inputs, { ...this.visible(this.scopeInstance(scope)), ...variables });
    else if (variables && Object.keys(variables).length > 0) instance.variables = { ...variables };
    processorOf(element).activate(this, element, instance);
  }

  /** Zeebe's join: the gateway activates once every incoming flow has been taken (further tokens wait for the next round). */
  private joined(element: ElementModel, scope: string | null, flowId: string | null): boolean {
    let tokens = this.state.joins.find((j) => j.scope === scope && j.gatewayId === element.id);
    if (!tokens) this.state.joins.push((tokens = { scope, gatewayId: element.id, flows: [] }));
    if (flowId) tokens.flows.push(flowId);
    if (!element.incoming.every((id) => tokens.flows.includes(id))) return false;
    for (const id of element.incoming) tokens.flows.splice(tokens.flows.indexOf(id), 1);
    if (tokens.flows.length === 0) this.state.joins.splice(this.state.joins.indexOf(tokens), 1);
    return true;
  }

  /** A flow scope (sub-process or the process) whose last token ended completes. */
  private completeScopeIfDone(scope: string | null) {
    if (this.ended) return;
    if (this.state.elements.some((e) => e.scope === scope)) return;
    if (this.state.joins.some((j) => j.scope === scope)) return;
    if (this.agenda.some((a) => a.scope === scope)) return;
    if (scope === null) {
      this.ended = true;
      this.state.elements = [];
      this.state.timers = [];
      this.state.messages = [];
      this.state.joins = [];
      return;
    }
    const container = this.instance(scope);
    if (container) this.complete(container);
  }

  // ---- waits: timers, messages, boundary events, event sub-processes -----------------------------

  private armBoundaries(instance: ElementInstance) {
    for (const id of this.element(instance.elementId).boundaryIds) {
      const boundary = this.element(id);
      if (boundary.timer) this.armTimer(boundary, instance.key, instance);
      if (boundary.message) this.subscribe(boundary, this.newKey(), instance);
    }
  }

  private armEventStarts(startIds: string[], owner: string | null) {
    const scope = owner === null ? null : this.instance(owner);
    for (const id of startIds) {
      const start = this.element(id);
      if (start.timer) this.armTimer(start, owner, scope);
      if (start.message) this.subscribe(start, this.newKey(), scope, owner);
    }
  }

  private armTimer(event: ElementModel, owner: string | null, context: ElementInstance | null, key = owner !== null && this.isCatchEvent(event) ? owner : this.newKey()) {
    const definition = event.timer!;
    const raw = isFeel(definition.expression) ? resolveValue(definition.expression, this.visible(context)) : definition.expression;
    const value = String(raw ?? '');
    const now = this.now();
    const timer: TimerInstance = { key, elementId: event.id, owner, dueAt: now };
    if (definition.kind === 'date') timer.dueAt = parseDate(value);
    else if (definition.kind === 'duration') timer.dueAt = addDuration(now, value);
    else Object.assign(timer, (({ firstDueAt, repetitions, interval }) => ({ dueAt: firstDueAt, repetitions, interval }))(parseCycle(value, now)));
    this.state.timers.push(timer);
  }

  private subscribe(event: ElementModel, key: string, context: ElementInstance | null, owner: string | null = context?.key ?? null) {
    const message = event.message!;
    const variables = this.visible(context);
    const correlationKey = message.correlationKey ? resolveValue(message.correlationKey, variables) : '';
    this.state.messages.push({ key, elementId: event.id, owner, name: String(resolveValue(message.name, variables)), correlationKey: String(correlationKey ?? '') });
  }

  private isCatchEvent(event: ElementModel) {
    return event.type === 'bpmn:IntermediateCatchEvent' || event.type === 'bpmn:ReceiveTask';
  }

  private fire(timer: TimerInstance) {
    this.state.timers.splice(this.state.timers.indexOf(timer), 1);
    if (timer.interval && timer.repetitions !== 0) {
      this.state.timers.push({ ...timer, key: this.newKey(), dueAt: addDuration(this.now(), timer.interval), repetitions: timer.repetitions! < 0 ? -1 : timer.repetitions! - 1 });
    }
    this.trigger(timer, 'timer', {});
  }

  /** A timer fired or a message arrived for a catch event, a boundary event or an event sub-process's start. */
  private trigger(wait: TimerInstance | MessageSubscription, kind: 'timer' | 'message', variables: Variables) {
    if (kind === 'message') this.state.messages.splice(this.state.messages.indexOf(wait as MessageSubscription), 1);
    const event = this.element(wait.elementId);
    if (event.type === 'bpmn:StartEvent') {
      if (kind === 'message' && event.cancelActivity === false) this.subscribe(event, this.newKey(), wait.owner === null ? null : this.instance(wait.owner), wait.owner);
      return this.triggerEventSubProcess(event.id, wait.owner, variables);
    }
    const owner = wait.owner === null ? null : this.instance(wait.owner);
    if (!owner) return;
    if (event.type === 'bpmn:BoundaryEvent') {
      if (kind === 'message' && event.cancelActivity === false) this.subscribe(event, this.newKey(), owner);
      return this.triggerBoundary(event.id, owner, variables);
    }
    this.complete(owner, variables);
  }

  private triggerBoundary(boundaryId: string, host: ElementInstance, variables: Variables) {
    const boundary = this.element(boundaryId);
    if (boundary.cancelActivity !== false) this.terminate(host);
    this.completeEvent(boundary, host.scope, variables);
  }

  /** An event that happened (boundary or start event): it is activated and left at once, with the event's variables. */
  private completeEvent(event: ElementModel, scope: string | null, variables: Variables) {
    const instance: ElementInstance = { key: this.newKey(), elementId: event.id, scope, since: new Date(this.now()).toISOString() };
    this.complete(instance, variables);
  }

  private triggerEventSubProcess(startId: string, scope: string | null, variables: Variables) {
    const start = this.element(startId);
    const sub = this.element(start.parentId!);
    if (start.cancelActivity !== false) {
      for (const child of this.state.elements.filter((e) => e.scope === scope)) this.terminate(child);
      this.state.joins = this.state.joins.filter((j) => j.scope !== scope);
      this.state.timers = this.state.timers.filter((t) => t.owner !== scope);
      this.state.messages = this.state.messages.filter((m) => m.owner !== scope);
      this.agenda.splice(0, this.agenda.length, ...this.agenda.filter((a) => a.scope !== scope));
    }
    const instance: ElementInstance = { key: this.newKey(), elementId: sub.id, scope, since: new Date(this.now()).toISOString(), variables: {} };
    if (sub.inputs.length > 0) instance.variables = applyMappings(sub.inputs, this.visible(this.scopeInstance(scope)));
    this.enterScope(instance);
    const startInstance: ElementInstance = { key: this.newKey(), elementId: startId, scope: instance.key, since: instance.since };
    this.complete(startInstance, variables);
  }

  /** Ends an element instance and everything inside it, with its timers and subscriptions; takes no flow. */
  private terminate(instance: ElementInstance) {
    for (const child of this.state.elements.filter((e) => e.scope === instance.key)) this.terminate(child);
    this.state.joins = this.state.joins.filter((j) => j.scope !== instance.key);
    this.drop(instance);
  }

  private drop(instance: ElementInstance) {
    const at = this.state.elements.indexOf(instance);
    if (at >= 0) this.state.elements.splice(at, 1);
    this.state.timers = this.state.timers.filter((t) => t.owner !== instance.key);
    this.state.messages = this.state.messages.filter((m) => m.owner !== instance.key);
    this.jobWaits.delete(instance.key);
    this.taskWaits.delete(instance.key);
  }

  // ---- variables ----------------------------------------------------------------------------------

  /** Zeebe's propagation: a variable goes to the nearest scope that has it, else to the process. */
  private propagate(scope: string | null, variables: Variables) {
    for (const [name, value] of Object.entries(variables)) {
      let target: ElementInstance | null = this.scopeInstance(scope);
      while (target && !(target.variables && name in target.variables)) target = this.scopeOf(target);
      if (target) target.variables = { ...target.variables, [name]: value };
      else this.variables = { ...this.variables, [name]: value };
    }
  }

  /** The local variables of the element instance and every scope around it (what a job or task sees beside the process's). */
  private locals(instance: ElementInstance): Variables {
    const chain: Variables[] = [];
    for (let at: ElementInstance | null = instance; at; at = this.scopeOf(at)) if (at.variables) chain.push(at.variables);
    return Object.assign({}, ...chain.reverse());
  }

  // ---- waits as rows ------------------------------------------------------------------------------

  private jobWait(element: ElementModel, instance: ElementInstance): Omit<JobWait, 'key'> {
    let wait = this.jobWaits.get(instance.key);
    if (!wait) {
      const job = element.job!;
      const variables = this.visible(instance);
      const retries = Number(resolveValue(job.retries, variables));
      wait = {
        elementId: element.id,
        elementInstance: instance.key,
        type: String(resolveValue(job.type, variables)),
        retries: Number.isInteger(retries) && retries >= 0 ? retries : 3,
        variables: this.locals(instance),
        customHeaders: job.headers,
      };
      this.jobWaits.set(instance.key, wait);
    }
    return wait;
  }

  private taskWait(element: ElementModel, instance: ElementInstance): Omit<UserTaskWait, 'key'> {
    let wait = this.taskWaits.get(instance.key);
    if (!wait) {
      wait = { elementId: element.id, elementInstance: instance.key, ...userTaskFields(element, this.visible(instance), this.locals(instance)) };
      this.taskWaits.set(instance.key, wait);
    }
    return wait;
  }

  // ---- lookups -------------------------------------------------------------------------------------

  private element(id: string): ElementModel {
    const element = this.model.elements.get(id);
    if (!element) throw new EngineError('STEP_FAILED', `Element ${id} is not in process ${this.model.bpmnProcessId}`);
    return element;
  }

  private instance(key: string): ElementInstance | null {
    return this.state.elements.find((e) => e.key === key) ?? null;
  }

  private scopeInstance(scope: string | null): ElementInstance | null {
    return scope === null ? null : this.instance(scope);
  }

  private scopeOf(instance: ElementInstance): ElementInstance | null {
    return this.scopeInstance(instance.scope);
  }

  private waitingAt(elementInstance: string, elementId: string | undefined, kind: (element: ElementModel) => boolean): ElementInstance {
    const instance = this.instance(elementInstance);
    if (!instance || (elementId !== undefined && instance.elementId !== elementId) || !kind(this.element(instance.elementId))) {
      throw new EngineError('INVALID_STATE', `Element ${elementId ?? ''} (${elementInstance}) is not waiting`);
    }
    return instance;
  }
}
