import { rm } from 'node:fs/promises';
import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer, SERVER_ENTRIES } from '../../api/scripts/build-server';
import { createScratchDatabase, serverEnvFor, type ScratchDatabase } from '../support/scratch-database';
import { bundleDir, freePort, kill9, startChild as startBundle } from '../support/server-process';
import { firstReport, login, waitForTask } from './client';

const outdir = bundleDir('restart-test');
const startChild = (env: NodeJS.ProcessEnv) => startBundle(outdir, env);

describe('kill -9 and restart', () => {
  let database: ScratchDatabase;
  let env: NodeJS.ProcessEnv;
  let child: ChildProcess | undefined;

  beforeAll(async () => {
    await buildServer({ main: SERVER_ENTRIES.main! }, outdir);
    database = await createScratchDatabase({ prefix: 'restart' });
    env = { PORT: String(await freePort()), HOST: '127.0.0.1', ENGINE_SCHEDULER_INTERVAL_MS: '100', ...serverEnvFor(database.target) };
  });
  afterAll(async () => {
    if (child) await kill9(child);
    await database.dispose();
    await rm(outdir, { recursive: true, force: true });
  });

  it('continues a report that was half-way when the server was killed, losing and duplicating nothing', async () => {
    // given: a report verified and waiting for sign-off
    child = await startChild(env);
    const url = `http://127.0.0.1:${env.PORT}`;
    // the bundle finds what its modules read beside their sources: web/dist, swagger-ui (the migrations and processes/ too, or nothing below would run)
    expect((await fetch(`${url}/`)).headers.get('content-type')).toMatch(/text\/html/);
    expect((await fetch(`${url}/api/docs/`)).status).toBe(200);
    const reporter = await login(url, 'lx_reporter');
    const verifier = await login(url, 'lx_verifier');
    const leader = await login(url, 'lx_leader');
    // 一般: the ordinary route only (a 重大 one would also get its 越级 copy, ADR 0011)
    const number: string = (await reporter.post('/api/reports', firstReport({ severity: 'IV' }))).body.incidentNumber;
    await verifier.post(`/api/tasks/${(await waitForTask(verifier, number, 'verify')).key}/complete`, { decision: 'confirm', opinion: '属实' });
    const signOff = await waitForTask(leader, number, 'sign_off');
    const before = (await reporter.get(`/api/incidents/${number}`)).body;

    // when: kill -9, then start again on the same data
    await kill9(child);
    child = await startChild(env);

    // then: the same task is there, the session survived, and the flow goes on to the end
    expect((await waitForTask(leader, number, 'sign_off')).key).toBe(signOff.key);
    expect((await leader.post(`/api/tasks/${signOff.key}/complete`, { decision: 'approve' })).status).toBe(204);
    const superiorDuty = await login(url, 'lc_yjj_duty');
    const governmentDuty = await login(url, 'lx_duty');
    await superiorDuty.post(`/api/tasks/${(await waitForTask(superiorDuty, number, 'acknowledge_superior')).key}/complete`, {});
    await kill9(child);
    child = await startChild(env);
    await governmentDuty.post(`/api/tasks/${(await waitForTask(governmentDuty, number, 'acknowledge_government')).key}/complete`, {});
    const cityDuty = await login(url, 'lc_duty');
    await cityDuty.post(`/api/tasks/${(await waitForTask(cityDuty, number, 'receive_city')).key}/complete`, {});

    let dossier = (await reporter.get(`/api/incidents/${number}`)).body;
    for (let i = 0; i < 300 && dossier.reports[0].workflow?.state !== 'completed'; i++) {
      await new Promise((r) => setTimeout(r, 50));
      dossier = (await reporter.get(`/api/incidents/${number}`)).body;
    }
    expect(dossier.reports[0]).toMatchObject({ status: 'received', workflow: { state: 'completed' } });
    expect(dossier.timeline.slice(0, before.timeline.length)).toEqual(before.timeline);
    const keys = dossier.timeline.map((e: { action: string; detail: { taskKey?: string; recipientRole?: string } }) => `${e.action}:${e.detail.taskKey ?? e.detail.recipientRole ?? ''}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.filter((k: string) => k.startsWith('report.dispatched'))).toHaveLength(3);
    expect(keys.filter((k: string) => k.startsWith('task.completed'))).toHaveLength(5);
  }, 300_000); // three cold starts of the server under tsx: slow on a loaded 2-core machine
});
