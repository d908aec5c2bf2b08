import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StepTransaction } from '@kuaibao/engine';
import { createTestDatabase, type Database } from '../index';
import { createIncidentRepository } from '../repositories/incidents';
import { loadDemoData } from '../seed/demo-lincang';
import { reconcilePendingCommands } from './reconcile';
import { createStepWrites } from './step-writes';

const fakeHash = async (password: string) => `hashed:${password}`;

describe('step writes', () => {
  let db: Database;
  let number: string;
  beforeAll(async () => {
    db = await createTestDatabase();
    await loadDemoData(db.prisma, fakeHash);
    const incidents = createIncidentRepository(db.prisma);
    number = await incidents.nextNumber('530902', new Date('2026-11-23T00:00:00Z'));
    await incidents.createWithReport(
      { number, title: '临翔区某林区火灾', category: 'natural_disaster', severity: 'III', sensitive: false, classified: false, reportingUnitId: 'lx-yjj', occurredAt: new Date(), learnedAt: new Date() },
      { id: `r-${number}`, kind: 'first', sequence: 0, status: 'verifying', content: { harm: '2 人轻伤' }, createdById: 'user-lx_reporter' },
      { actorName: '李明', action: 'report.submitted' },
    );
  });
  afterAll(() => db.close());

  const correct = (harm: string, dedupeKey: string) =>
    createStepWrites(db.prisma)(async ({ incidents, audit }) => {
      await incidents.updateReportContent(`r-${number}`, { harm });
      await audit.append({ incidentNumber: number, actorName: '张三', action: 'task.completed', dedupeKey });
    });

  it('runs on the transaction it is handed: rolled back with it', async () => {
    // given
    const writes = correct('3 人轻伤', 'task:1:completed');

    // when: the engine's step fails after the writes
    const step = db.prisma.$transaction(async (tx) => {
      await writes.within(tx as unknown as StepTransaction);
      throw new Error('STEP_FAILED');
    });

    // then
    await expect(step).rejects.toThrow('STEP_FAILED');
    expect((await db.prisma.incidentReport.findUnique({ where: { id: `r-${number}` } }))?.content).toEqual({ harm: '2 人轻伤' });
    expect(await db.prisma.auditEvent.count({ where: { dedupeKey: 'task:1:completed' } })).toBe(0);
  });

  it('commits first with a record of the command, which reconciliation sends again and drops', async () => {
    // given: written, then the process died before the engine heard of it
    await correct('3 人轻伤', 'task:2:completed').before({ kind: 'completeUserTask', key: '2', variables: { decision: 'confirm' } });
    await correct('3 人轻伤', 'task:3:completed').before({ kind: 'completeUserTask', key: '3', variables: { decision: 'confirm' } });
    // 撤回's writes went first on Zeebe with the cancel still to send (docs/adr/0041)
    await correct('3 人轻伤', 'report:r:recalled').before({ kind: 'cancelInstance', key: '9', variables: {} });
    const sent: unknown[] = [];
    const engine = {
      completeUserTask: async (key: string, variables?: object) => {
        if (key === '3') throw Object.assign(new Error('User task 3 is completed'), { code: 'INVALID_STATE' });
        sent.push([key, variables]);
      },
      completeJob: async () => undefined,
      cancelInstance: async (key: string) => {
        sent.push(['cancel', key]);
      },
    };

    // when
    const resent = await reconcilePendingCommands(db.prisma, engine);

    // then: the writes stand, the open task was completed, the closed one's record dropped
    expect(resent).toBe(2);
    expect(sent).toEqual([['2', { decision: 'confirm' }], ['cancel', '9']]);
    expect(await db.prisma.pendingEngineCommand.count()).toBe(0);
    expect((await db.prisma.incidentReport.findUnique({ where: { id: `r-${number}` } }))?.content).toEqual({ harm: '3 人轻伤' });
    expect(await db.prisma.auditEvent.count({ where: { dedupeKey: { in: ['task:2:completed', 'task:3:completed'] } } })).toBe(2);
  });

  it('drops the record once the engine accepted the command', async () => {
    // given
    const writes = correct('4 人轻伤', 'task:4:completed');
    const command = { kind: 'completeUserTask' as const, key: '4', variables: {} };

    // when
    await writes.before(command);
    await writes.after(command);

    // then
    expect(await db.prisma.pendingEngineCommand.count()).toBe(0);
  });
});
