export { createHandlers } from './create-handlers';
export { startWorkers } from './start-workers';
export type { Handler, JobContext } from './handler';
export type { HandlerDeps } from './handlers/deps';
export { toOrgUnit } from './handlers/recipients';
export { resolveClockHandler, type ResolveClockDeps } from './handlers/resolve-clock';
