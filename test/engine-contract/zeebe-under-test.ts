import { createZeebeEngine, loadZeebeConfig, type WorkflowEngine, type ZeebeEngine } from '@kuaibao/engine';
import { vi } from 'vitest';

/**
 * The Zeebe adapter as the contract suite drives it (only when ZEEBE_ADDRESS is set). Zeebe answers
 * commands at once but reads (instances, tasks, incidents) come from secondary storage a moment
 * later, while the suite reads right after it writes. So reads first wait for a barrier: one tiny
 * instance per partition, started after the writes and read back completed — the exporter writes in
 * log order, so once the barrier is visible, everything before it is too. activateJobs long-polls
 * (jobs appear asynchronously). With a clock-controlled broker (ZEEBE_CLOCK_CONTROLLED=true) the
 * broker's clock follows the test's faked Date. Run the suite with --no-file-parallelism: a broker
 * is shared and its clock is global.
 */
const BARRIER_ID = 'kuaibao-contract-barrier';
const BARRIER_BPMN = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="barrier-defs" targetNamespace="https://kuaibao.example/test">
  <bpmn:process id="${BARRIER_ID}" isExecutable="true">
    <bpmn:startEvent id="start"><bpmn:outgoing>f</bpmn:outgoing></bpmn:startEvent>
    <bpmn:endEvent id="end"><bpmn:incoming>f</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="f" sourceRef="start" targetRef="end" />
  </bpmn:process>
</bpmn:definitions>`;
/** The fixtures link a form by id (`formId="verify-form"`): on Zeebe it must be deployed, or the task raises an incident. */
const VERIFY_FORM = JSON.stringify({ id: 'verify-form', type: 'default', schemaVersion: 16, components: [{ type: 'textfield', key: 'opinion', label: '意见' }] });

const READS = new Set(['getInstance', 'findInstances', 'searchUserTasks', 'getUserTask', 'listIncidents']);
const WRITES = new Set([
  'deploy', 'startInstance', 'cancelInstance', 'setVariables', 'completeJob', 'failJob', 'throwError', 'updateJobRetries',
  'assignUserTask', 'completeUserTask', 'publishMessage', 'resolveIncident',
]);

export interface ZeebeUnderTest {
  engine: WorkflowEngine;
  processDue(): Promise<void>;
  close(): Promise<void>;
}

export async function createZeebeUnderTest(options: { clockControlled: boolean }): Promise<ZeebeUnderTest> {
  const zeebe = await createZeebeEngine(
    loadZeebeConfig({ ZEEBE_ACTIVATE_REQUEST_TIMEOUT_MS: '1000', ...process.env }),
    { onError: () => undefined },
  );
  const started = new Set<string>();
  let dirty = true;
  let workers = 0;
  let pinnedAt: number | null = null;
  const partitions = Math.max(1, (await zeebe.health()).partitions.total);

  const syncClock = async () => {
    if (!options.clockControlled || !vi.isFakeTimers() || pinnedAt === Date.now()) return;
    pinnedAt = Date.now();
    await zeebe.pinClock(pinnedAt);
    dirty = true;
  };
  /** Concurrent reads share one barrier; a write that lands meanwhile makes the next read wait for a new one. */
  let settling: Promise<void> | null = null;
  const settle = async (): Promise<void> => {
    if (settling) return settling;
    if (!dirty && workers === 0) return;
    dirty = false;
    settling = (async () => {
      const barriers = await Promise.all(Array.from({ length: partitions }, () => zeebe.startInstance({ bpmnProcessId: BARRIER_ID })));
      for (const barrier of barriers) await until(async () => (await zeebe.getInstance(barrier.key))?.state === 'completed');
    })().finally(() => (settling = null));
    return settling;
  };

  /** A worker's writes happen in the background: while one runs, every read settles. */
  const trackWorker = (worker: { close(): Promise<void> }) => {
    workers++;
    return {
      close: async () => {
        workers--;
        await worker.close();
      },
    };
  };

  const engine = new Proxy(zeebe, {
    get(target, name, receiver) {
      const value = Reflect.get(target, name, receiver) as unknown;
      if (typeof value !== 'function' || typeof name !== 'string') return value;
      if (name === 'createWorker') return (options: Parameters<ZeebeEngine['createWorker']>[0]) => trackWorker(target.createWorker(options));
      return async (...args: unknown[]) => {
        await syncClock();
        if (READS.has(name)) await settle();
        const result = (await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args)) as { key?: string } | undefined;
        if (name === 'startInstance' && result?.key) started.add(result.key);
        if (WRITES.has(name)) dirty = true;
        return result;
      };
    },
  });

  await zeebe.deploy([
    { name: 'barrier.bpmn', content: BARRIER_BPMN },
    { name: 'verify-form.form', content: VERIFY_FORM },
  ]);
  await syncClock();

  return {
    engine,
    async processDue() {
      // Zeebe's timers, job timeouts and message TTLs run on the broker: after moving its clock, give it a moment.
      await syncClock();
      await new Promise((resolve) => setTimeout(resolve, 500));
      dirty = true;
    },
    async close() {
      for (const key of started) await zeebe.cancelInstance(key).catch(() => undefined);
      if (pinnedAt !== null) await zeebe.resetClock().catch(() => undefined);
      await zeebe.close();
    },
  };
}

async function until(ok: () => Promise<boolean>, timeoutMs = 15_000) {
  const deadline = performance.now() + timeoutMs;
  while (!(await ok())) {
    if (performance.now() > deadline) throw new Error(`Zeebe's secondary storage did not catch up within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
