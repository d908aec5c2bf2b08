import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, vi } from 'vitest';
import { createEngineStore, createTestDatabase, type Database } from '@kuaibao/db';
import { EmbeddedEngine, runtimeKindFromEnv, type RuntimeKind, type UserTask, type WorkflowEngine } from '@kuaibao/engine';
import { createZeebeUnderTest } from './zeebe-under-test';

export interface EngineUnderTest {
  engine: WorkflowEngine;
  /** Lets time-driven work happen now: due timers, expired job locks, expired messages. */
  processDue(): Promise<void>;
  close(): Promise<void>;
}

/** What an adapter can do under test; a test that needs a capability runs only where it is there (default: all). */
export interface Capabilities {
  /** The engine's clock follows the test's faked Date (timers, backoffs, lock and TTL expiry on demand). */
  fakeClock: boolean;
  /** A step that cannot continue is rolled back whole and the job keeps the incident (embedded semantics, ADR 0004). */
  stepRollback: boolean;
  /** Deployments and instances per tenant (jurisdiction). */
  tenants: boolean;
  /** Event sub-processes, message boundary events, inclusive gateways, terminate end events (not bpmn-engine's, docs/adr/0032). */
  events: boolean;
  /** Process instance modification and migration (docs/adr/0051): the token executor and Zeebe, not bpmn-engine's instances. */
  instanceChanges: boolean;
  /** The port's own reasons for refusing a modification (SCOPE_MISSING, NO_TOKEN_LEFT, …): Zeebe's broker answers its own. */
  changeReasons: boolean;
}

export interface Adapter {
  name: string;
  capabilities?: Partial<Capabilities>;
  create(): Promise<EngineUnderTest>;
}

export const supports = (adapter: Adapter, capability: keyof Capabilities) => adapter.capabilities?.[capability] ?? true;

/**
 * Zeebe (Camunda 8.8) through the SDK, when ZEEBE_ADDRESS points at a cluster (ZEEBE_REST_ADDRESS, auth
 * as in .env.example). Fake time only on a broker started with ZEEBE_CLOCK_CONTROLLED=true, tenants only
 * with ZEEBE_MULTI_TENANCY=true. See docs/adr/0005-zeebe-adapter-and-user-tasks.md.
 */
const zeebe: Adapter = {
  name: 'zeebe',
  capabilities: {
    fakeClock: process.env.ZEEBE_CLOCK_CONTROLLED === 'true',
    stepRollback: false,
    changeReasons: false,
    tenants: process.env.ZEEBE_MULTI_TENANCY === 'true',
  },
  create: () => createZeebeUnderTest({ clockControlled: process.env.ZEEBE_CLOCK_CONTROLLED === 'true' }),
};

/** The embedded engine on one runtime: bpmn-engine or the token executor (docs/adr/0032). */
const embedded = (name: string, runtime: RuntimeKind): Adapter => ({
  name,
  capabilities: { events: runtime === 'token', instanceChanges: runtime === 'token', changeReasons: runtime === 'token' },
  async create() {
    const db: Database = await createTestDatabase();
    const engine = new EmbeddedEngine({ store: createEngineStore(db.prisma), runtime, onError: () => undefined });
    return {
      engine,
      processDue: async () => void (await engine.processDue()),
      async close() {
        await engine.close();
        await db.close();
      },
    };
  },
});

/**
 * The adapters the contract runs on: the embedded engine on its default runtime (ENGINE_RUNTIME) and on the other
 * one, so both runtimes meet it; the Zeebe adapter joins when ZEEBE_ADDRESS is set.
 */
const defaultRuntime = runtimeKindFromEnv();
export const adapters: Adapter[] = [
  embedded('embedded', defaultRuntime),
  embedded(defaultRuntime === 'token' ? 'embedded on bpmn-engine' : 'embedded on the token executor', defaultRuntime === 'token' ? 'bpmn-engine' : 'token'),
  ...(process.env.ZEEBE_ADDRESS ? [zeebe] : []),
];

/**
 * A fresh engine of the adapter for every test of the enclosing describe, with `resources` deployed; closed
 * (and the real clock restored) after each. `before` runs first, e.g. to fake the clock the engine starts with.
 */
export function useEngineUnderTest(adapter: Adapter, resources: { name: string; content: string }[], options: { before?: () => void } = {}): EngineUnderTest {
  let current: EngineUnderTest | undefined;
  beforeEach(async () => {
    options.before?.();
    current = await adapter.create();
    if (resources.length > 0) await current.engine.deploy(resources);
  });
  afterEach(async () => {
    await current?.close();
    current = undefined;
    vi.useRealTimers();
  });
  const sut = () => {
    if (!current) throw new Error('the engine under test exists only while a test runs');
    return current;
  };
  return { get engine() { return sut().engine; }, processDue: () => sut().processDue(), close: () => sut().close() };
}

export function fixture(dir: string, name: string) {
  return { name, content: readFileSync(path.join(dir, name), 'utf8') };
}

/** Polls until the condition holds (engines are asynchronous); fails with the last value seen. */
export async function eventually<T>(read: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  let value = await read();
  while (!ok(value)) {
    if (Date.now() > until) throw new Error(`Condition not met within ${timeoutMs} ms; last value: ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 20));
    value = await read();
  }
  return value;
}

export async function openTasks(engine: WorkflowEngine, instanceKey: string): Promise<UserTask[]> {
  return engine.searchUserTasks({ instanceKey, state: 'created' });
}
