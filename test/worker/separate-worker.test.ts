import { createServer } from 'node:net';
import { loadConfig, startServer, type RunningServer } from '@kuaibao/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstReport, login, waitForTask } from '../api/client';
import { spawnTsx, type JsonLinesChild } from '../support/json-lines-child';
import { createScratchDatabase, serverEnvFor, type ScratchDatabase } from '../support/scratch-database';

/**
 * `npm run api` + `npm run worker` on one database: the API (in this process, without job workers)
 * receives a report over HTTP, and only the worker — `npm run worker`'s entry point as a child
 * process — runs its service tasks. Two processes can share PostgreSQL only (PGlite opens in one
 * process at a time), so this runs where DATABASE_URL is set (CI's PostgreSQL pass); the refusal
 * of PGlite is tested everywhere.
 */
const WORKER_NAME = 'separate-worker-under-test';

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

const startedLine = (child: JsonLinesChild) => child.waitFor((e) => typeof e.text === 'string' && e.text.includes('worker 已启动'));

describe.runIf(process.env.DATABASE_URL)('npm run worker beside npm run api on one PostgreSQL database', () => {
  let database: ScratchDatabase;
  let api: RunningServer;
  let worker: JsonLinesChild | undefined;
  let healthPort: number;

  beforeAll(async () => {
    database = await createScratchDatabase({ prefix: 'worker' });
    api = await startServer({
      database: database.target,
      config: { ...loadConfig({}), PORT: 0, HOST: '127.0.0.1', KUAIBAO_EMBEDDED_WORKERS: false, ENGINE_SCHEDULER_INTERVAL_MS: 100 },
    });
    healthPort = await freePort();
  });
  afterAll(async () => {
    if (worker) {
      worker.kill('SIGKILL');
      await worker.exited;
    }
    await api?.close();
    await database?.dispose();
  });

  it('runs the service tasks of a report submitted to the API, answers its health check, and stops on SIGTERM', async () => {
    // given: a report submitted while no worker runs
    const reporter = await login(api.url, 'lx_reporter');
    const verifier = await login(api.url, 'lx_verifier');
    const leader = await login(api.url, 'lx_leader');
    const superiorDuty = await login(api.url, 'lc_yjj_duty');
    const governmentDuty = await login(api.url, 'lx_duty');
    const number: string = (await reporter.post('/api/reports', firstReport())).body.incidentNumber;
    await new Promise((r) => setTimeout(r, 1_500));
    const [waiting] = await api.deps.engine.findInstances({ businessKey: number });
    expect(waiting?.activeElements.map((e) => e.elementId)).toEqual(['resolve-recipients']);
    expect((await verifier.get('/api/tasks?kind=verify')).body.items).toEqual([]);

    // when: the worker starts as its own process on the same database
    worker = spawnTsx('worker/src/main.ts', {
      env: { ...serverEnvFor(database.target), WORKER_HEALTH_PORT: String(healthPort), WORKER_HEALTH_HOST: '127.0.0.1', WORKER_NAME, ENGINE_SCHEDULER_INTERVAL_MS: '100' },
    });
    await startedLine(worker);

    // then: the report reaches 核实 because the worker resolved its recipients, and goes on after 审签
    const verify = await waitForTask(verifier, number, 'verify');
    expect((await verifier.post(`/api/tasks/${verify.key}/complete`, { decision: 'confirm', opinion: '属实' })).status).toBe(204);
    const signOff = await waitForTask(leader, number, 'sign_off');
    expect((await leader.post(`/api/tasks/${signOff.key}/complete`, { decision: 'approve' })).status).toBe(204);
    await waitForTask(superiorDuty, number, 'acknowledge_superior');
    await waitForTask(governmentDuty, number, 'acknowledge_government');
    const jobs = await api.deps.db.prisma.engineJob.findMany({ where: { instanceKey: BigInt(waiting!.key) }, orderBy: { elementId: 'asc' } });
    // every job of the instance ran in the worker process (which ones besides these depends on the report's
    // clocks and routes: 越级 copy, 迟报 marks, 004 clearance)
    expect(jobs.filter((j) => j.state !== 'completed' || j.worker !== WORKER_NAME)).toEqual([]);
    expect(jobs.map((j) => j.elementId)).toEqual(
      expect.arrayContaining(['resolve-recipients', 'resolve-clock', 'settle-clocks', 'dispatch-superior', 'dispatch-government']),
    );
    const dossier = (await reporter.get(`/api/incidents/${number}`)).body;
    expect(dossier.timeline.map((e: { action: string }) => e.action)).toContain('report.dispatched');

    // and: its health endpoint reports the embedded engine on PostgreSQL
    const health = await fetch(`http://127.0.0.1:${healthPort}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({
      status: 'up',
      worker: { name: WORKER_NAME, taskTypes: expect.arrayContaining(['kuaibao.report.resolve-recipients', 'kuaibao.report.dispatch']) },
      engine: { kind: 'embedded', status: 'up' },
      database: { kind: 'postgres', status: 'up' },
    });

    // when: SIGTERM
    worker.kill('SIGTERM');

    // then: it stops cleanly
    expect(await worker.exited).toEqual({ code: 0, signal: null });
    expect(worker.events.some((e) => typeof e.text === 'string' && e.text.startsWith('SIGTERM: stopping the worker'))).toBe(true);
    worker = undefined;
  });
});

describe('npm run worker on a database it cannot share', () => {
  it('refuses PGlite, naming DATABASE_URL, and exits 1', async () => {
    // given: no DATABASE_URL, so the embedded PGlite directory
    const child = spawnTsx('worker/src/main.ts', { env: { DATABASE_URL: '', KUAIBAO_DATA_DIR: '/nonexistent/kuaibao-worker-test' } });

    // when
    const exit = await child.exited;

    // then
    expect(exit.code).toBe(1);
    expect(child.stderr()).toMatch(/^Invalid worker configuration: DATABASE_URL: required\. .*PGlite/);
  });

  it('refuses a bad variable naming it', async () => {
    const child = spawnTsx('worker/src/main.ts', { env: { DATABASE_URL: 'postgresql://postgres@127.0.0.1:5432/test', WORKER_HEALTH_PORT: 'eighty' } });
    expect((await child.exited).code).toBe(1);
    expect(child.stderr()).toMatch(/^Invalid worker configuration: WORKER_HEALTH_PORT: /);
  });
});
