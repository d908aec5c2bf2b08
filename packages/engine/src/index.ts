export * from './types';
export * from './errors';
export * from './store';
export type { Clock } from './clock';
export { systemClock } from './clock';
export { repeatEvery, type RepeatingPass } from './repeat-every';
export { EmbeddedEngine, type EmbeddedEngineOptions } from './embedded/embedded-engine';
export { DEFAULT_RUNTIME, runtimeKindFromEnv, type RuntimeKind } from './embedded/runtime';
export { DEFAULT_HOT_INSTANCES, type HotInstanceOptions } from './embedded/hot-instances';
export { DEFAULT_HEARTBEAT_INTERVAL_MS, DEFAULT_NODE_TIMEOUT_MS, currentProcessScope, type NodeOptions } from './embedded/node-liveness';
export { loadProcessModels, type ProcessModel, type ElementModel } from './model/process-model';
export { PollingJobWorker } from './worker/polling-job-worker';
export {
  ZeebeEngine, createZeebeEngine, loadZeebeConfig, zeebeConfigFromEnv, ZEEBE_ENV_KEYS, BUSINESS_KEY_VARIABLE,
  type ZeebeEngineOptions, type ZeebeConfig, type ZeebeHealth,
} from './zeebe';
export {
  selectEngine, embeddedSelection, zeebeSelection,
  type EngineKind, type EngineHealth, type SelectedEngine, type EngineSelection,
} from './engine-selection';
