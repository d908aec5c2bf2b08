import { rm } from 'node:fs/promises';
import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer, SERVER_ENTRIES } from '../../api/scripts/build-server';
import { createScratchDatabase, serverEnvFor, type ScratchDatabase } from '../support/scratch-database';
import { completionsWithoutWrites } from '../support/completion-writes';
import { bundleDir, freePort, kill9, startChild } from '../support/server-process';
import { firstReport, login, waitForTask, type Client } from './client';

const outdir = bundleDir('atomic-completions-test');
const REPORTS = 8;
const CORRECTED_HARM = '核实更正：2 名扑火人员轻伤，1 间看护房损毁。';

/** Who completes each kind of task of the default flow, and with what. */
const STAGES = [
  { kind: 'verify', user: 'lx_verifier', body: { decision: 'confirm', opinion: '属实', corrections: { harm: CORRECTED_HARM } } },
  { kind: 'sign_off', user: 'lx_leader', body: { decision: 'approve', opinion: '同意报送' } },
  { kind: 'acknowledge_superior', user: 'lc_yjj_duty', body: {} },
  { kind: 'acknowledge_government', user: 'lx_duty', body: {} },
  { kind: 'receive_city', user: 'lc_duty', body: {} },
] as const;


type OpenTask = { key: string; incidentNumber: string };
const openTasksOf = async (user: Client, kind: string): Promise<OpenTask[]> => (await user.get(`/api/tasks?kind=${kind}&pageSize=200`)).body.items;

/**
 * Completions are killed in the middle (kill -9 during a burst of every kind of user-task completion, with the
 * job steps they set off running beside them): afterwards no task or job is completed without its business
 * writes and audit entry, and no audit entry of a completion exists without the completion (issue 21, item 1).
 */
describe('kill -9 during bursts of completions', () => {
  let database: ScratchDatabase;
  let env: NodeJS.ProcessEnv;
  let child: ChildProcess | undefined;
  const url = () => `http://127.0.0.1:${env.PORT}`;

  beforeAll(async () => {
    await buildServer({ main: SERVER_ENTRIES.main! }, outdir);
    database = await createScratchDatabase({ prefix: 'atomic' });
    env = { PORT: String(await freePort()), HOST: '127.0.0.1', ENGINE_SCHEDULER_INTERVAL_MS: '100', ...serverEnvFor(database.target) };
  });
  afterAll(async () => {
    if (child) await kill9(child);
    await database.dispose();
    await rm(outdir, { recursive: true, force: true });
  });

  /** Sends every completion at once and kills the server once `killAfter` of them were answered. */
  async function burst(user: Client, tasks: OpenTask[], body: object, killAfter: number) {
    let answered = 0;
    let kill: () => void = () => undefined;
    const killed = new Promise<void>((resolve) => (kill = resolve));
    const sent = tasks.map(async (task) => {
      await user.post(`/api/tasks/${task.key}/complete`, body).catch(() => undefined); // cut off by the kill
      if (++answered >= killAfter) kill();
    });
    await Promise.race([killed, Promise.allSettled(sent)]);
    await kill9(child!);
    await Promise.allSettled(sent);
  }

  it('leaves no completion without its writes and audit entry', async () => {
    // given: reports waiting for their verifiers
    child = await startChild(outdir, env);
    const reporter = await login(url(), 'lx_reporter');
    const numbers: string[] = [];
    for (let i = 0; i < REPORTS; i++) numbers.push((await reporter.post('/api/reports', firstReport({ severity: 'IV', title: `马台乡森林火灾 ${i + 1}` }))).body.incidentNumber);

    // when: each stage's completions are sent in a burst, killed half-way; after a restart the rest are completed
    for (const stage of STAGES) {
      const user = await login(url(), stage.user);
      for (const number of numbers) await waitForTask(user, number, stage.kind, 60_000);
      await burst(user, (await openTasksOf(user, stage.kind)).filter((t) => numbers.includes(t.incidentNumber)), stage.body, Math.ceil(REPORTS / 3));
      child = await startChild(outdir, env);
      const again = await login(url(), stage.user);
      for (const task of (await openTasksOf(again, stage.kind)).filter((t) => numbers.includes(t.incidentNumber))) {
        expect((await again.post(`/api/tasks/${task.key}/complete`, stage.body)).status).toBe(204);
      }
    }
    const reporterAgain = await login(url(), 'lx_reporter');
    for (const number of numbers) {
      for (let i = 0; i < 600; i++) {
        const dossier = (await reporterAgain.get(`/api/incidents/${number}`)).body;
        if (dossier.reports[0].workflow?.state === 'completed') break;
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    await kill9(child);
    child = undefined;

    // then
    const db = await database.open();
    try {
      const orphans = await completionsWithoutWrites(db.prisma, CORRECTED_HARM);
      const completedTasks = await db.prisma.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM engine_user_task WHERE state = 'completed'`;
      const receivedReports = await db.prisma.incidentReport.count({ where: { incidentNumber: { in: numbers }, status: 'received' } });

      expect(orphans).toEqual({ tasksWithoutAudit: [], auditWithoutTask: [], verifiedWithoutCorrections: [], jobsWithoutAudit: [], dispatchesWithoutDelivery: [] });
      expect(completedTasks[0]!.n).toBe(REPORTS * STAGES.length);
      expect(receivedReports).toBe(REPORTS);
    } finally {
      await db.close();
    }
  }, 600_000); // six cold starts of the built server on a loaded 2-core machine
});
