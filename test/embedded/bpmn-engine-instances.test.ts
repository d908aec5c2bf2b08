import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createEngineStore, createTestDatabase, type Database } from '@kuaibao/db';
import { EmbeddedEngine } from '@kuaibao/engine';
import { fixture, openTasks } from '../engine-contract/harness';

const dir = `${import.meta.dirname}/../engine-contract`;
const userTask = fixture(dir, 'user-task.bpmn');
const timers = fixture(dir, 'timers.bpmn');
const T0 = new Date('2026-11-22T08:00:00Z').getTime();
const MINUTE = 60_000;

/**
 * An installation upgraded to the token executor (docs/adr/0043): instances that bpmn-engine started and saved
 * finish on it, while every new instance starts on the token executor.
 */
describe('instances saved by bpmn-engine after the default moved to the token executor', () => {
  let db: Database;
  let engine: EmbeddedEngine | undefined;
  const open = (runtime: 'bpmn-engine' | 'token') => (engine = new EmbeddedEngine({ store: createEngineStore(db.prisma), runtime, onError: () => undefined }));
  const restart = async (runtime: 'bpmn-engine' | 'token') => {
    await engine?.close();
    return open(runtime);
  };
  const savedBy = async (key: string) => {
    const [row] = await db.prisma.$queryRaw<{ executor: string | null }[]>`SELECT engine_state->>'executor' AS executor FROM engine_instance WHERE key = ${BigInt(key)}`;
    return row?.executor === 'token' ? 'token' : 'bpmn-engine';
  };

  beforeEach(async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: T0 });
    db = await createTestDatabase();
  });
  afterEach(async () => {
    await engine?.close();
    engine = undefined;
    await db.close();
    vi.useRealTimers();
  });

  it('finishes a user-task loop that bpmn-engine started, and starts the next instance on the token executor', async () => {
    // given: an instance bpmn-engine stepped once (verify done, sign-off waiting)
    const before = open('bpmn-engine');
    await before.deploy([userTask]);
    const variables = { unitId: 'lx-yjj', verifyDue: '2026-11-23T10:00:00Z', leader: 'wangwu' };
    const old = await before.startInstance({ bpmnProcessId: 'contract-user-task', variables });
    const [verify] = await openTasks(before, old.key);
    await before.completeUserTask(verify!.key, { decision: 'confirm', opinion: '属实' });
    expect(await savedBy(old.key)).toBe('bpmn-engine');

    // when: the process restarts on the token executor and goes on with the old instance
    const after = await restart('token');
    const [signOff] = await openTasks(after, old.key);
    expect(signOff).toMatchObject({ elementId: 'sign-off', assignee: 'wangwu' });
    await after.completeUserTask(signOff!.key, { approved: false });
    const [again] = await openTasks(after, old.key);
    expect(again).toMatchObject({ elementId: 'verify', candidateGroups: ['unit:lx-yjj:verifier'] });
    await after.completeUserTask(again!.key, { decision: 'confirm', opinion: '已补充' });
    const [last] = await openTasks(after, old.key);
    await after.completeUserTask(last!.key, { approved: true });
    const fresh = await after.startInstance({ bpmnProcessId: 'contract-user-task', variables });

    // then
    expect(await after.getInstance(old.key)).toMatchObject({ state: 'completed', variables: { verified: true, verifyOpinion: '已补充', approved: true } });
    expect(await savedBy(fresh.key)).toBe('token');
  });

  it('fires the armed timers of a bpmn-engine instance and runs their jobs after the restart', async () => {
    // given: the timers' instance as bpmn-engine armed it (a cycle reminder, a one-hour deadline)
    const before = open('bpmn-engine');
    await before.deploy([timers]);
    const old = await before.startInstance({
      bpmnProcessId: 'contract-timers',
      variables: { remindCycle: 'R2/PT20M', deadline: 'PT1H', until: '2026-12-01T00:00:00Z' },
    });
    expect(await savedBy(old.key)).toBe('bpmn-engine');

    // when: restarted on the token executor, the clock passes the reminder and the deadline
    const after = await restart('token');
    const jobs = async (type: string) => {
      const activated = await after.activateJobs({ type, maxJobs: 10, timeoutMs: 60_000, worker: 'test' });
      for (const job of activated) await after.completeJob(job.key);
      return activated.length;
    };
    vi.setSystemTime(T0 + 20 * MINUTE);
    await after.processDue();
    const reminders = await jobs('contract.remind');
    vi.setSystemTime(T0 + 60 * MINUTE);
    await after.processDue();
    const late = await jobs('contract.mark-late');
    await jobs('contract.remind'); // the cycle's second reminder, due at 40 minutes, fired in the same pass

    // then
    expect({ reminders, late }).toEqual({ reminders: 1, late: 1 });
    expect(await openTasks(after, old.key)).toHaveLength(0);
    expect(await after.getInstance(old.key)).toMatchObject({ state: 'completed' });
  });
});
