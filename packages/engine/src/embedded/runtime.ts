import type { Clock } from '../clock';
import { TokenRuntime } from '../executor/token-runtime';
import { isExecutorState } from '../executor/state';
import type { ProcessModel } from '../model/process-model';
import type { WaitSnapshot } from '../store';
import type { ActiveElement, ModifyInstanceInput, Variables } from '../types';

/** One process instance in memory, as a step advances it: the token executor's, or bpmn-engine's (instances it saved; ENGINE_RUNTIME=bpmn-engine). */
export interface InstanceRuntime {
  variables: Variables;
  readonly completed: boolean;
  fireDueTimers(): Promise<void>;
  setVariables(variables: Variables): void;
  completeJob(elementInstance: string, elementId: string, result: Variables): Promise<void>;
  throwError(elementInstance: string, code: string, message: string, variables: Variables): Promise<void>;
  signal(elementInstance: string, elementId: string, result: Variables): Promise<void>;
  getEngineState(): Promise<unknown>;
  waits(newKey: () => string): WaitSnapshot;
  activeElements(previous: ActiveElement[]): ActiveElement[];
  /** Process instance modification; only the token executor's state supports it (docs/adr/0051). */
  modify?(input: ModifyInstanceInput): Promise<void>;
}

/**
 * Which runtime new instances start on: the token executor (the default, docs/adr/0043) or bpmn-engine
 * (ENGINE_RUNTIME=bpmn-engine, the way back for one release). Instances bpmn-engine saved finish on it either way.
 */
export type RuntimeKind = 'token' | 'bpmn-engine';

export const DEFAULT_RUNTIME: RuntimeKind = 'token';

export function runtimeKindFromEnv(env: NodeJS.ProcessEnv = process.env): RuntimeKind {
  const value = env.ENGINE_RUNTIME?.trim();
  if (!value) return DEFAULT_RUNTIME;
  if (value === 'token' || value === 'bpmn-engine') return value;
  throw new Error(`ENGINE_RUNTIME must be token or bpmn-engine, not ${value}`);
}

/**
 * Lets the event loop turn once per action. The executor runs synchronously and PGlite answers through
 * promises alone, so without it a stream of steps (workers answering jobs at once) would never let timers
 * or sockets in: the HTTP server and the scheduler would starve while the engine is busy.
 */
const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The token executor behind the step's interface. */
class TokenInstanceRuntime implements InstanceRuntime {
  constructor(private readonly token: TokenRuntime) {}

  get variables() {
    return this.token.variables;
  }

  set variables(variables: Variables) {
    this.token.variables = variables;
  }

  get completed() {
    return this.token.completed;
  }

  async fireDueTimers() {
    this.token.fireDueTimers();
  }

  setVariables(variables: Variables) {
    this.token.setVariables(variables);
  }

  async completeJob(elementInstance: string, elementId: string, result: Variables) {
    this.token.completeJob(elementInstance, elementId, result);
    await turn();
  }

  async throwError(elementInstance: string, code: string, _message: string, variables: Variables) {
    this.token.throwErrorAt(elementInstance, code, variables);
    await turn();
  }

  async signal(elementInstance: string, elementId: string, result: Variables) {
    this.token.signal(elementInstance, elementId, result);
    await turn();
  }

  async modify(input: ModifyInstanceInput) {
    this.token.modify(input);
    await turn();
  }

  async getEngineState() {
    return this.token.getEngineState();
  }

  waits(newKey: () => string) {
    return this.token.waits(newKey);
  }

  activeElements() {
    return this.token.activeElements();
  }
}

interface RuntimeContext {
  clock: Clock;
  /** The instance key (bpmn-engine names its engine by it). */
  name: string;
  newKey: () => string;
}

const loadBpmnEngineRuntime = async () => (await import('./instance-runtime')).BpmnEngineRuntime;

export async function startRuntime(kind: RuntimeKind, model: ProcessModel, variables: Variables, context: RuntimeContext): Promise<InstanceRuntime> {
  if (kind === 'bpmn-engine') return (await loadBpmnEngineRuntime()).start(model, variables, context.clock, context.name);
  await turn();
  return new TokenInstanceRuntime(TokenRuntime.start(model, variables, context.clock, context.newKey));
}

/** Recovers an instance on the runtime that saved its state: instances started on bpmn-engine finish on it. */
export async function recoverRuntime(model: ProcessModel, engineState: unknown, variables: Variables, context: RuntimeContext): Promise<InstanceRuntime> {
  if (isExecutorState(engineState)) return new TokenInstanceRuntime(TokenRuntime.recover(model, engineState, variables, context.clock, context.newKey));
  return (await loadBpmnEngineRuntime()).recover(model, engineState, variables, context.clock, context.name);
}
