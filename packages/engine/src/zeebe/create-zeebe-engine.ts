import type { ZeebeConfig } from './config';
import { connectCamunda } from './sdk';
import { ZeebeEngine } from './zeebe-engine';

/** A ZeebeEngine connected to the cluster of `config` (see loadZeebeConfig / zeebeConfigFromEnv). */
export async function createZeebeEngine(config: ZeebeConfig, options: { onError?: (error: unknown) => void } = {}): Promise<ZeebeEngine> {
  const clients = await connectCamunda(config);
  return new ZeebeEngine({
    grpc: clients.grpc,
    rest: clients.rest,
    closeClients: () => clients.close(),
    defaultTenantId: config.ZEEBE_DEFAULT_TENANT_ID,
    activateRequestTimeoutMs: config.ZEEBE_ACTIVATE_REQUEST_TIMEOUT_MS,
    healthTimeoutMs: config.ZEEBE_HEALTH_TIMEOUT_MS,
    worker: {
      maxJobsToActivate: config.ZEEBE_WORKER_MAX_JOBS,
      timeoutMs: config.ZEEBE_WORKER_TIMEOUT_MS,
      retryBackoffMs: config.ZEEBE_WORKER_RETRY_BACKOFF_MS,
      tenantIds: config.ZEEBE_WORKER_TENANT_IDS,
    },
    ...(options.onError && { onError: options.onError }),
  });
}
