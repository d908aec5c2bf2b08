export { createHandlers } from './create-handlers';
export { startWorkers } from './start-workers';
export { createHandlerDeps } from './handler-deps';
export { loadWorkerConfig, WORKER_ENV_KEYS, type WorkerConfig } from './config';
export type { Handler, JobContext } from './handler';
export type { HandlerDeps } from './handlers/deps';
export { toOrgUnit } from './handlers/recipients';
export { resolveClockHandler, type ResolveClockDeps } from './handlers/resolve-clock';
export { stopOnSignals, exitOnError } from './process-lifecycle';
