import { EmbeddedEngine } from './embedded/embedded-engine';
import type { HotInstanceOptions } from './embedded/hot-instances';
import type { NodeOptions } from './embedded/node-liveness';
import type { EngineStore } from './store';
import type { WorkflowEngine } from './types';
import type { ZeebeConfig } from './zeebe/config';
import { createZeebeEngine } from './zeebe/create-zeebe-engine';
import type { ZeebeHealth } from './zeebe/health';

export type EngineKind = 'embedded' | 'zeebe';

/** What a health endpoint says about the engine: which adapter, whether it answers, and on Zeebe the cluster topology. */
export interface EngineHealth {
  kind: EngineKind;
  status: 'up' | 'degraded' | 'down';
  latencyMs?: number;
  error?: string;
  /** Zeebe only: partitions, brokers and gateway version as the gateway reports them. */
  topology?: ZeebeHealth;
}

/** The engine a process runs on, chosen once at start, with its health probe. */
export interface SelectedEngine {
  readonly kind: EngineKind;
  readonly engine: WorkflowEngine;
  health(): Promise<EngineHealth>;
  close(): Promise<void>;
}

export interface EngineSelection {
  /** Zeebe when set (ZEEBE_ADDRESS, see zeebeConfigFromEnv); the embedded engine on `store` otherwise. */
  zeebe: ZeebeConfig | null;
  /** The embedded engine's store on the process's database (not opened for Zeebe). */
  store: () => EngineStore;
  /** Embedded only: the scheduler pass (timers, expired job locks, locks of dead nodes, message TTL), in ms. */
  schedulerIntervalMs?: number;
  /** Embedded only: instances kept in memory between steps (docs/adr/0015). */
  hotInstances?: HotInstanceOptions;
  /** Embedded only: this process as a node of the shared database (name, heartbeat, node timeout; docs/adr/0013). */
  node?: NodeOptions;
  onError?: (error: unknown) => void;
}

/**
 * Opens the engine of this process: Zeebe when configured, else the embedded engine with its
 * scheduler running. Every process on the same PostgreSQL database may run the embedded engine at
 * once (row locks per instance, SKIP LOCKED job activation, keys unique per process: ADR 0004/0008).
 */
export async function selectEngine(selection: EngineSelection): Promise<SelectedEngine> {
  if (selection.zeebe) {
    const engine = await createZeebeEngine(selection.zeebe, { ...(selection.onError && { onError: selection.onError }) });
    return zeebeSelection(engine);
  }
  const engine = new EmbeddedEngine({
    store: selection.store(),
    ...(selection.schedulerIntervalMs !== undefined && { schedulerIntervalMs: selection.schedulerIntervalMs }),
    ...(selection.node && { node: selection.node }),
    ...(selection.onError && { onError: selection.onError }),
    ...(selection.hotInstances && { hotInstances: selection.hotInstances }),
  }).start();
  return embeddedSelection(engine);
}

/** The embedded engine is up when its store answers an indexed read. */
export function embeddedSelection(engine: WorkflowEngine): SelectedEngine {
  return {
    kind: 'embedded',
    engine,
    async health() {
      const started = performance.now();
      try {
        await engine.listIncidents({ state: 'active' });
        return { kind: 'embedded', status: 'up', latencyMs: Math.round(performance.now() - started) };
      } catch (error) {
        return { kind: 'embedded', status: 'down', error: error instanceof Error ? error.message : String(error) };
      }
    },
    close: () => engine.close(),
  };
}

/** Zeebe is up when every partition has a healthy leader (the gateway's topology). */
export function zeebeSelection(engine: WorkflowEngine & { health(): Promise<ZeebeHealth> }): SelectedEngine {
  return {
    kind: 'zeebe',
    engine,
    async health() {
      const started = performance.now();
      const topology = await engine.health();
      return {
        kind: 'zeebe',
        status: topology.status,
        latencyMs: Math.round(performance.now() - started),
        ...(topology.error !== undefined && { error: topology.error }),
        topology,
      };
    },
    close: () => engine.close(),
  };
}
