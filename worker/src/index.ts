export { createHandlers } from './create-handlers';
export { startWorkers } from './start-workers';
export type { Handler, JobContext } from './handler';
export type { HandlerDeps } from './handlers/deps';
export { resolveClockHandler, type ResolveClockDeps } from './handlers/resolve-clock';
export { deployedPolicies } from './policies';
export { createNotifier, type Notifier, type NotifyTarget } from './notify/notifier';
export { InMemorySmsGateway, type SmsGateway, type SentSms } from './notify/sms-gateway';
export { handlerDeps } from './handler-deps';
