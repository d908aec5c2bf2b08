export { createHandlers } from './create-handlers';
export { startWorkers } from './start-workers';
export type { Handler, JobContext } from './handler';
export type { HandlerDeps } from './handlers/deps';
export { toOrgUnit } from './handlers/recipients';
// Not in createHandlers yet: no BPMN uses TASK_TYPES.resolveClock until the timers land (issue 5).
export { resolveClockHandler, type ResolveClockDeps } from './handlers/resolve-clock';
