import { loadConfig, startServer, type RunningServer } from '@kuaibao/api';
import { createTestDatabase } from '@kuaibao/db';
import { ZeebeEngine, zeebeSelection } from '@kuaibao/engine';
import { fakeCamunda } from '@kuaibao/engine/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client } from './client';

/**
 * The API on the Zeebe adapter, with the Camunda SDK clients replaced at their boundary (no broker
 * can run here): it deploys processes/ through the adapter and its health says which engine runs
 * and the cluster topology. The adapter itself is tested in packages/engine/src/zeebe.
 */
const topology = (leaderHealth: string) => ({
  brokers: [{ nodeId: 0, host: 'zeebe', port: 26501, partitions: [{ partitionId: 1, role: 'LEADER', health: leaderHealth }] }],
  clusterSize: 1, partitionsCount: 1, replicationFactor: 1, gatewayVersion: '8.8.11',
});

describe('the API on Zeebe', () => {
  let leader = 'HEALTHY';
  const fake = fakeCamunda({ grpc: { topology: () => topology(leader) } });
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({
      db: await createTestDatabase(),
      engine: zeebeSelection(new ZeebeEngine({ grpc: fake.grpc, rest: fake.rest })),
      config: { ...loadConfig({}), PORT: 0, HOST: '127.0.0.1', KUAIBAO_EMBEDDED_WORKERS: false },
    });
  });
  afterAll(() => server?.close());

  it('deploys every BPMN of processes/ to Zeebe at start', () => {
    const [[deployment]] = fake.argsOf('deployResources') as [[{ name: string }[]]];
    expect(deployment.map((r) => r.name)).toContain('incident-report.bpmn');
  });

  it('reports the Zeebe engine with its topology in /api/health, 503 while a partition has no healthy leader', async () => {
    // given
    const api = client(server.url);

    // when
    leader = 'HEALTHY';
    const up = await api.get('/api/health');
    leader = 'UNHEALTHY';
    const degraded = await api.get('/api/health');

    // then
    expect(up).toMatchObject({
      status: 200,
      body: {
        status: 'up',
        database: { kind: server.deps.db.kind, status: 'up' },
        engine: { kind: 'zeebe', status: 'up', topology: { gatewayVersion: '8.8.11', brokers: 1, partitions: { total: 1, withHealthyLeader: 1 } } },
      },
    });
    expect(degraded).toMatchObject({ status: 503, body: { status: 'down', engine: { kind: 'zeebe', status: 'degraded', topology: { partitions: { withHealthyLeader: 0 } } } } });
  });
});
