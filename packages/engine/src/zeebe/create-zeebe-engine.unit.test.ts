import { describe, expect, it } from 'vitest';
import { loadZeebeConfig } from './config';
import { createZeebeEngine } from './create-zeebe-engine';

describe('createZeebeEngine with the real SDK and no cluster', () => {
  it('builds the clients from the configuration, reports the cluster down in time, and closes', async () => {
    // given: nothing listens on port 9 (discard) here
    const config = loadZeebeConfig({ ZEEBE_ADDRESS: '127.0.0.1:9', ZEEBE_REST_ADDRESS: 'http://127.0.0.1:9', ZEEBE_HEALTH_TIMEOUT_MS: '300', ZEEBE_GRPC_MAX_RETRIES: '0' });
    const engine = await createZeebeEngine(config, { onError: () => undefined });

    // when
    const started = Date.now();
    const health = await engine.health();

    // then
    expect(health).toMatchObject({ status: 'down', partitions: { total: 0 } });
    expect(Date.now() - started).toBeLessThan(2_000);
    await engine.close();
  });
});
