import { describe, expect, it } from 'vitest';
import { grpcAddress, loadZeebeConfig, zeebeConfigFromEnv } from './config';

describe('Zeebe configuration from the environment', () => {
  it('needs only ZEEBE_ADDRESS and gives every other variable its default', () => {
    // when
    const config = loadZeebeConfig({ ZEEBE_ADDRESS: 'zeebe:26500', ZEEBE_WORKER_TENANT_IDS: '' });

    // then
    expect(config).toMatchObject({
      ZEEBE_ADDRESS: 'zeebe:26500', ZEEBE_REST_ADDRESS: 'http://localhost:8080', CAMUNDA_AUTH_STRATEGY: 'NONE', ZEEBE_DEFAULT_TENANT_ID: '<default>',
      ZEEBE_WORKER_TENANT_IDS: [], ZEEBE_WORKER_MAX_JOBS: 32, ZEEBE_WORKER_TIMEOUT_MS: 60_000, ZEEBE_ACTIVATE_REQUEST_TIMEOUT_MS: -1,
    });
  });

  it('is off without ZEEBE_ADDRESS and fails naming the variable that is missing or wrong', () => {
    expect(zeebeConfigFromEnv({})).toBeNull();
    expect(zeebeConfigFromEnv({ ZEEBE_ADDRESS: '  ' })).toBeNull();
    expect(() => loadZeebeConfig({})).toThrow(/ZEEBE_ADDRESS/);
    expect(() => loadZeebeConfig({ ZEEBE_ADDRESS: 'z:26500', ZEEBE_WORKER_MAX_JOBS: 'many' })).toThrow(/ZEEBE_WORKER_MAX_JOBS/);
    expect(() => loadZeebeConfig({ ZEEBE_ADDRESS: 'z:26500', CAMUNDA_AUTH_STRATEGY: 'BASIC' })).toThrow(/CAMUNDA_BASIC_AUTH_USERNAME: required when CAMUNDA_AUTH_STRATEGY=BASIC/);
    expect(() => loadZeebeConfig({ ZEEBE_ADDRESS: 'z:26500', CAMUNDA_AUTH_STRATEGY: 'OAUTH', ZEEBE_CLIENT_ID: 'kuaibao' })).toThrow(/ZEEBE_CLIENT_SECRET.*CAMUNDA_OAUTH_URL/);
  });

  it('reads tenant lists and gives a bare gRPC address the plain-text scheme', () => {
    expect(loadZeebeConfig({ ZEEBE_ADDRESS: 'z:26500', ZEEBE_WORKER_TENANT_IDS: '530902, 530925' }).ZEEBE_WORKER_TENANT_IDS).toEqual(['530902', '530925']);
    expect(grpcAddress('zeebe:26500')).toBe('grpc://zeebe:26500');
    expect(grpcAddress('grpcs://cluster.example:443')).toBe('grpcs://cluster.example:443');
  });
});
