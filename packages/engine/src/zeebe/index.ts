export { ZeebeEngine, type ZeebeEngineOptions } from './zeebe-engine';
export { createZeebeEngine } from './create-zeebe-engine';
export { loadZeebeConfig, zeebeConfigFromEnv, ZEEBE_ENV_KEYS, type ZeebeConfig } from './config';
export type { ZeebeHealth } from './health';
export { BUSINESS_KEY_VARIABLE } from './mapping';
