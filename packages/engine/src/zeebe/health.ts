import type { ZeebeTopology } from './sdk';

export interface ZeebeHealth {
  /** up: every partition has a healthy leader; degraded: some partition has none or an unhealthy one; down: no answer. */
  status: 'up' | 'degraded' | 'down';
  gatewayVersion: string | null;
  brokers: number;
  clusterSize: number;
  partitions: { total: number; withHealthyLeader: number };
  replicationFactor: number;
  error?: string;
}

/** Reads the topology the gateway reports: what an operator (and a healthcheck) needs to know. */
export function summarizeTopology(topology: ZeebeTopology): ZeebeHealth {
  const healthyLeaders = new Set<number>();
  for (const broker of topology.brokers) {
    for (const partition of broker.partitions) {
      if (String(partition.role).toUpperCase() === 'LEADER' && String(partition.health).toUpperCase() === 'HEALTHY') {
        healthyLeaders.add(partition.partitionId);
      }
    }
  }
  const total = topology.partitionsCount;
  return {
    status: total > 0 && healthyLeaders.size === total ? 'up' : 'degraded',
    gatewayVersion: topology.gatewayVersion || null,
    brokers: topology.brokers.length,
    clusterSize: topology.clusterSize,
    partitions: { total, withHealthyLeader: healthyLeaders.size },
    replicationFactor: topology.replicationFactor,
  };
}

export function unreachable(error: unknown): ZeebeHealth {
  return {
    status: 'down',
    gatewayVersion: null,
    brokers: 0,
    clusterSize: 0,
    partitions: { total: 0, withHealthyLeader: 0 },
    replicationFactor: 0,
    error: error instanceof Error ? error.message : String(error),
  };
}

/** Rejects after `ms`: the SDK retries an unreachable gateway for a long time, a probe must not. */
export function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`No answer from the Zeebe gateway within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
