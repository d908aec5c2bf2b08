import type { Variables } from '../types';

/**
 * The token executor's state of one instance, as saved in `engine_instance.engine_state` (docs/adr/0032):
 * plain rows, readable and changeable by SQL (`jsonb_to_recordset(engine_state->'elements')`).
 * Transient elements (gateways, start and end events, sequence flows) never appear: a step runs them
 * to the next wait states.
 */
export interface ExecutorState {
  executor: 'token';
  v: 1;
  /** Element instances waiting: tasks, catch events, sub-processes (flow scopes). */
  elements: ElementInstance[];
  /** Armed timers: catch events, boundary events, event sub-process starts. */
  timers: TimerInstance[];
  /** Open message subscriptions, same owners. */
  messages: MessageSubscription[];
  /** Tokens that reached a joining parallel gateway whose other incoming flows have not been taken yet. */
  joins: JoinTokens[];
}

export interface ElementInstance {
  key: string;
  elementId: string;
  /** The element instance of the enclosing (event) sub-process; null: the process itself. */
  scope: string | null;
  since: string;
  /** Local variables: the input mappings of a task or sub-process, the variables of a sub-process scope. */
  variables?: Variables;
}

export interface TimerInstance {
  /** The wait's element instance key (engine_timer.element_instance). */
  key: string;
  /** The timer event. */
  elementId: string;
  /** The element instance the timer belongs to: the catch event itself, the activity of a boundary event, the scope of an event sub-process; null: the process. */
  owner: string | null;
  dueAt: number;
  /** A cycle: repetitions left after this one (-1: unbounded) and the interval (ISO 8601 duration). */
  repetitions?: number;
  interval?: string;
}

export interface MessageSubscription {
  key: string;
  elementId: string;
  owner: string | null;
  name: string;
  correlationKey: string;
}

export interface JoinTokens {
  scope: string | null;
  gatewayId: string;
  flows: string[];
}

export const isExecutorState = (state: unknown): state is ExecutorState =>
  typeof state === 'object' && state !== null && (state as { executor?: unknown }).executor === 'token';

export const emptyState = (): ExecutorState => ({ executor: 'token', v: 1, elements: [], timers: [], messages: [], joins: [] });
