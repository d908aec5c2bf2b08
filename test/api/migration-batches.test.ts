import { loadConfig, startServer, type RunningServer } from '@kuaibao/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScratchDatabase, type ScratchDatabase } from '../support/scratch-database';
import { fixedIncidentReport } from './bad-deployment';
import { client, firstReport, login, waitForTask, type Client } from './client';

interface Batch { id: string; state: string; dryRun: boolean; total: number; pending: number; moved: number; failed: number; failures: { instanceKey: string; refusals: { reason: string }[]; detail?: string }[] }

const REPORTS = 55;

/**
 * 批量迁移 over HTTP (issue 22 item 3, docs/adr/0062): more than 50 running reports moved onto a newer version in the
 * background — a dry run first, an instance that cannot move recorded with its reason while the rest move, a restart of
 * the server on the same database resuming the batch, and a batch cancelled half-way.
 */
describe('migration batches over HTTP', () => {
  let database: ScratchDatabase;
  let server: RunningServer;
  let admin: Client, reporter: Client;
  const start = async () => {
    server = await startServer({
      database: database.target,
      config: { ...loadConfig({}), PORT: 0, HOST: '127.0.0.1', ENGINE_SCHEDULER_INTERVAL_MS: 50, MIGRATION_BATCH_CHUNK: 5, MIGRATION_BATCH_PAUSE_MS: 300 },
    });
  };

  beforeAll(async () => {
    database = await createScratchDatabase({ prefix: 'migration-batches' });
    await start();
    [admin, reporter] = await Promise.all([login(server.url, 'admin'), login(server.url, 'lx_reporter')]);
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    await database?.dispose();
  });

  const progress = async (id: string): Promise<Batch> => {
    const response = await admin.get(`/api/admin/migration-batches/${id}`);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return response.body;
  };
  const until = async (id: string, done: (b: Batch) => boolean, timeoutMs = 120_000): Promise<Batch> => {
    for (const end = Date.now() + timeoutMs; ; await new Promise((r) => setTimeout(r, 100))) {
      const batch = await progress(id);
      if (done(batch)) return batch;
      if (Date.now() > end) throw new Error(`batch ${id} stayed ${JSON.stringify(batch)}`);
    }
  };
  const instanceOf = async (number: string): Promise<string> => (await admin.get(`/api/admin/monitor/search?number=${number}`)).body.items[0].instanceKey;
  const versionOf = async (key: string) => (await server.deps.engine.getInstance(key))!.definitionKey;

  it('moves every running report of a version but the one that cannot move, resumes after a restart, and can be cancelled', async () => {
    // given: 55 reports waiting at 核实 on the shipped version, one of them already at 审签; then a newer version
    const numbers: string[] = [];
    for (let i = 0; i < REPORTS; i++) {
      const response = await reporter.post('/api/reports', firstReport({ title: `临翔区批量迁移测试${i}号道路交通事故`, severity: 'IV' }));
      expect(response.status, JSON.stringify(response.body)).toBe(201);
      numbers.push(response.body.incidentNumber);
    }
    const verifier = await login(server.url, 'lx_verifier');
    await verifier.post(`/api/tasks/${(await waitForTask(verifier, numbers[0]!, 'verify')).key}/complete`, { decision: 'confirm', opinion: '属实' });
    await waitForTask(await login(server.url, 'lx_leader'), numbers[0]!, 'sign_off');
    const keys = await Promise.all(numbers.map(instanceOf));
    const [advanced, ...atVerify] = keys as [string, ...string[]];
    const options = (await admin.get(`/api/admin/instances/${atVerify[0]}/changes`)).body;
    const source: string = options.definitionKey;
    await server.deps.engine.deploy([fixedIncidentReport()]);
    const target: string = (await admin.get(`/api/admin/instances/${atVerify[0]}/changes`)).body.versions.find((v: { version: number }) => v.version === options.version + 1).definitionKey;
    const mappings = [...new Set(options.active.map((a: { elementId: string }) => a.elementId))].map((id) => ({ sourceElementId: id, targetElementId: id }));

    // then: bad bodies are 400s on their fields, others' batches 403, an unknown one 404
    const noReason = await admin.post('/api/admin/migration-batches', { sourceDefinitionKey: source, targetDefinitionKey: target, mappings });
    expect([noReason.status, noReason.body.errors]).toEqual([400, [{ path: 'reason', message: '请填写操作原因' }]]);
    const same = await admin.post('/api/admin/migration-batches', { sourceDefinitionKey: source, targetDefinitionKey: source, mappings, dryRun: true });
    expect([same.status, same.body.errors]).toEqual([400, [{ path: 'targetDefinitionKey', message: '目标版本不能与源版本相同' }]]);
    const [followUp] = await server.deps.engine.listDefinitions({ bpmnProcessId: 'follow-up-report' });
    const other = await admin.post('/api/admin/migration-batches', { sourceDefinitionKey: source, targetDefinitionKey: followUp!.key, mappings, dryRun: true });
    expect([other.status, other.body.errors[0].path]).toEqual([400, 'targetDefinitionKey']);
    expect((await reporter.post('/api/admin/migration-batches', { sourceDefinitionKey: source, targetDefinitionKey: target, mappings, dryRun: true })).status).toBe(403);
    expect((await admin.get('/api/admin/migration-batches/00000000-0000-0000-0000-000000000000')).status).toBe(404);

    // when: a dry run over every running instance of the version
    const dry = await admin.post('/api/admin/migration-batches', { sourceDefinitionKey: source, targetDefinitionKey: target, mappings, dryRun: true });
    expect(dry.status, JSON.stringify(dry.body)).toBe(202);
    const dryDone = await until(dry.body.id, (b) => b.state === 'finished');

    // then: all would move but the report at 审签 (its step is not mapped); nothing moved
    expect(dryDone.total).toBeGreaterThanOrEqual(REPORTS);
    expect(dryDone.moved + dryDone.failed).toBe(dryDone.total);
    expect(dryDone.failures).toContainEqual(expect.objectContaining({ instanceKey: advanced, refusals: [expect.objectContaining({ reason: 'UNMAPPED_ELEMENT', elementId: 'sign-off' })] }));
    expect(dryDone.failures.map((f) => f.instanceKey)).not.toContain(atVerify[0]);
    expect(await versionOf(atVerify[0]!)).toBe(source);

    // when: the batch runs, and the server stops half-way and starts again on the same database
    const real = await admin.post('/api/admin/migration-batches', { sourceDefinitionKey: source, targetDefinitionKey: target, mappings, reason: '迁移到修正后的版本' });
    expect(real.status, JSON.stringify(real.body)).toBe(202);
    expect(real.body).toMatchObject({ state: 'running', dryRun: false, total: dryDone.total });
    await until(real.body.id, (b) => b.moved + b.failed >= 5);
    await server.close();
    await start();
    admin = client(server.url, 'admin', admin.cookie);
    const resumed = await progress(real.body.id);
    expect(resumed.state).toBe('running');
    expect(resumed.pending).toBeGreaterThan(0);
    const done = await until(real.body.id, (b) => b.state === 'finished');

    // then: every report at 核实 moved, the one at 审签 stayed with its reason; each move and the batch are in the trails
    expect(done).toMatchObject({ total: dryDone.total, moved: dryDone.moved, failed: dryDone.failed, pending: 0 });
    expect(done.failures).toContainEqual(expect.objectContaining({ instanceKey: advanced, refusals: [expect.objectContaining({ reason: 'UNMAPPED_ELEMENT' })] }));
    for (const key of atVerify) expect(await versionOf(key)).toBe(target);
    expect(await versionOf(advanced)).toBe(source);
    const timeline = (await admin.get(`/api/incidents/${numbers[1]}`)).body.timeline as { action: string; detail: Record<string, unknown> }[];
    expect(timeline.filter((e) => e.action === 'trace.migrated')).toEqual([expect.objectContaining({ detail: expect.objectContaining({ reason: '迁移到修正后的版本', toVersion: options.version + 1 }) })]);
    const trail = await server.deps.db.prisma.adminAuditEvent.findMany({ where: { entityType: 'migration_batch', entityId: real.body.id }, orderBy: { id: 'asc' } });
    expect(trail.map((e) => e.action)).toEqual(['migration_batch.started', 'migration_batch.finished']);
    expect(trail[0]!.actorName).toBe('何军');
    // and: the moved reports go on on the new version
    const verifierAgain = await login(server.url, 'lx_verifier');
    const verify = await waitForTask(verifierAgain, numbers[1]!, 'verify');
    expect((await verifierAgain.post(`/api/tasks/${verify.key}/complete`, { decision: 'confirm', opinion: '属实' })).status).toBe(204);

    // when: a batch back to the former version, cancelled at once
    const back = await admin.post('/api/admin/migration-batches', { sourceDefinitionKey: target, targetDefinitionKey: source, mappings, reason: '回退测试' });
    expect(back.status, JSON.stringify(back.body)).toBe(202);
    const cancelled = await admin.post(`/api/admin/migration-batches/${back.body.id}/cancel`);

    // then: it stops before its next instance; those moved stay moved; a second cancel is a 409
    expect(cancelled.status, JSON.stringify(cancelled.body)).toBe(200);
    expect(cancelled.body.state).toBe('cancelled');
    expect(cancelled.body.pending).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 1_000));
    const after = await progress(back.body.id);
    expect(after.moved + after.failed).toBeLessThanOrEqual(cancelled.body.moved + cancelled.body.failed + 1);
    const again = await admin.post(`/api/admin/migration-batches/${back.body.id}/cancel`);
    expect([again.status, again.body.detail]).toEqual([409, '该迁移批次已取消']);
  }, 600_000);
});
