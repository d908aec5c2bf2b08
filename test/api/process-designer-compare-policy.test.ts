import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, loadConfig, type RunningServer } from '@kuaibao/api';
import { beijingDay } from '@kuaibao/domain';
import { createScratchDatabase, type ScratchDatabase } from '../support/scratch-database';
import { firstReport, login, type Client } from './client';

const defaultFlow = readFileSync(path.resolve(import.meta.dirname, '../../processes/incident-report.bpmn'), 'utf8');
const renamed = defaultFlow.replace('<bpmn:userTask id="verify" name="核实">', '<bpmn:userTask id="verify" name="现场核实">');
const config = { ...loadConfig({}), PORT: 0, HOST: '127.0.0.1', ENGINE_SCHEDULER_INTERVAL_MS: 50 };
const DAY_MS = 24 * 60 * 60 * 1000;

describe('the designer\'s compare view, deadline policy form and the dossier\'s process version over HTTP', () => {
  let database: ScratchDatabase;
  let server: RunningServer;
  const as: Record<string, Client> = {};
  beforeAll(async () => {
    database = await createScratchDatabase({ prefix: 'designer-policy' });
    server = await startServer({ database: database.target, config });
    for (const name of ['designer', 'admin', 'lx_reporter']) as[name] = await login(server.url, name);
  });
  afterAll(async () => {
    await server?.close();
    await database?.dispose();
  });

  /** The dossier once the report's clocks are resolved (a job of the flow). */
  const resolvedDossier = async (number: string) => {
    for (let i = 0; ; i++) {
      const { body } = await as.lx_reporter!.get(`/api/incidents/${number}`);
      if (body.reports[0].policy && body.reports[0].clocks.length > 0) return body;
      if (i > 300) throw new Error(`no clocks for ${number}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  const comparison = (query: string, who = 'designer') => as[who]!.get(`/api/jurisdictions/530900/processes/incident-report/comparison?${query}`);

  let draftId = '';
  let shippedReport = '';

  it('compares a draft with the deployed version: the element changed, with its property before and after', async () => {
    shippedReport = (await as.lx_reporter!.post('/api/reports', firstReport({ severity: 'IV' }))).body.incidentNumber;
    const draft = (await as.designer!.post('/api/jurisdictions/530900/processes/incident-report/drafts', {})).body;
    draftId = draft.id;
    expect((await as.designer!.request('PUT', `/api/process-drafts/${draftId}`, { xml: renamed, revision: 1 })).status).toBe(200);

    const { status, body } = await comparison(`from=deployed&to=draft:${draftId}`);
    expect(status, JSON.stringify(body).slice(0, 300)).toBe(200);
    expect(body.from).toMatchObject({ ref: 'deployed', version: 0, xml: defaultFlow });
    expect(body.to).toMatchObject({ ref: `draft:${draftId}`, version: null, revision: 2, xml: renamed });
    expect(body.changes).toEqual([{ id: 'verify', name: '现场核实', type: 'bpmn:UserTask', change: 'changed', properties: [{ property: 'name', before: '核实', after: '现场核实' }] }]);
    // the same version on both sides: nothing differs
    expect((await comparison('from=v0&to=deployed')).body.changes).toEqual([]);
  });

  it('lists added and removed elements (a step taken out, another put in)', async () => {
    const changed = renamed.replace('id="verify"', 'id="verify-onsite"').replaceAll('"verify"', '"verify-onsite"').replaceAll('>verify<', '>verify-onsite<');
    const draft = (await as.designer!.post('/api/jurisdictions/530900/processes/incident-report/drafts', { xml: changed })).body;
    const { body } = await comparison(`from=v0&to=draft:${draft.id}`);
    const kinds = new Map((body.changes as { id: string; change: string }[]).map((c) => [c.id, c.change]));
    expect(kinds.get('verify')).toBe('removed');
    expect(kinds.get('verify-onsite')).toBe('added');
    expect((await as.designer!.request('DELETE', `/api/process-drafts/${draft.id}`, {})).status).toBe(204);
  });

  it('refuses a comparison it cannot make: 400 naming the field, 404 for what is not there or not the caller\'s', async () => {
    const bad = await comparison('from=deployed&to=latest');
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ path: 'to' })]);
    expect((await comparison('from=deployed')).status).toBe(400);
    expect((await comparison('from=v9&to=deployed')).status).toBe(404);
    expect((await comparison('from=deployed&to=draft:00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await comparison(`from=deployed&to=draft:${draftId}`, 'lx_reporter')).status).toBe(404);
    expect((await as.designer!.get(`/api/jurisdictions/530900/processes/verification-request/comparison?to=draft:${draftId}`)).status).toBe(404);
    expect((await comparison(`from=deployed&to=draft:${draftId}`, 'admin')).status).toBe(200);
  });

  it('shows in the dossier which process version a report runs (流程版本 vN), of its jurisdiction or the shipped default', async () => {
    const deployed = await as.designer!.post(`/api/process-drafts/${draftId}/deployments`, { revision: 2, comment: '核实更名' });
    expect(deployed.status, JSON.stringify(deployed.body).slice(0, 300)).toBe(201);
    const after = (await as.lx_reporter!.post('/api/reports', firstReport({ severity: 'IV' }))).body.incidentNumber;
    const newer = (await as.lx_reporter!.get(`/api/incidents/${after}`)).body;
    expect(newer.reports[0].workflow).toMatchObject({ version: 2, jurisdiction: '530900' });
    const older = (await as.lx_reporter!.get(`/api/incidents/${shippedReport}`)).body;
    expect(older.reports[0].workflow).toMatchObject({ version: 1, jurisdiction: null });
    // and the comparison of two deployed versions
    expect((await comparison('from=v1&to=v2')).body.changes).toEqual([expect.objectContaining({ id: 'verify', change: 'changed' })]);
  });

  it('tries a draft on a 一般 and a 较大 report in a throwaway engine: the path, tasks and deadlines of each, nothing real written', { timeout: 240_000 }, async () => {
    const incidentsBefore = (await as.admin!.get('/api/incidents?pageSize=200')).body.total;
    const { status, body } = await as.designer!.post(`/api/process-drafts/${draftId}/dry-runs`, {});
    expect(status, JSON.stringify(body).slice(0, 400)).toBe(200);
    expect(body.results.map((r: { sample: { severity: string }; state: string }) => [r.sample.severity, r.state])).toEqual([['IV', 'completed'], ['III', 'completed']]);
    const [ordinary, larger] = body.results;
    const steps = (r: { path: { elementId: string }[] }) => r.path.map((s) => s.elementId);
    for (const result of [ordinary, larger]) {
      expect(steps(result)).toEqual(expect.arrayContaining(['resolve-recipients', 'resolve-clock', 'verify', 'sign-off', 'dispatch-superior', 'dispatch-government', 'dispatch-city', 'receive-city', 'complete-report']));
      expect(steps(result).indexOf('verify')).toBeLessThan(steps(result).indexOf('dispatch-superior'));
    }
    expect(ordinary.path.find((s: { elementId: string }) => s.elementId === 'verify')).toMatchObject({ name: '现场核实', kind: 'userTask', detail: { kind: 'verify' } });
    // 临沧's policy sets no figure for 一般; 较大: phone 30 minutes, written 1 hour from 接报
    expect(ordinary.deadlines).toEqual([]);
    expect(larger.deadlines.map((d: { channel: string; within: string }) => [d.channel, d.within])).toEqual([['phone', 'PT30M'], ['written', 'PT1H']]);
    // 不属实: closed, never reaching the city duty office
    const closed = (await as.designer!.post(`/api/process-drafts/${draftId}/dry-runs`, { samples: [{ severity: 'III', verifyDecision: 'close' }] })).body.results[0];
    expect(steps(closed)).toContain('close-report');
    expect(steps(closed)).not.toContain('receive-city');
    // nothing of it in the real system
    expect((await as.admin!.get('/api/incidents?pageSize=200')).body.total).toBe(incidentsBefore);
    expect(await server.deps.engine.findInstances({ businessKey: '试运行-1' })).toEqual([]);
    // bad input and other people
    const bad = await as.designer!.post(`/api/process-drafts/${draftId}/dry-runs`, { samples: [{ severity: 'V' }] });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ path: 'samples.0.severity' })]);
    expect((await as.designer!.post(`/api/process-drafts/${draftId}/dry-runs`, { samples: [] })).status).toBe(400);
    expect((await as.lx_reporter!.post(`/api/process-drafts/${draftId}/dry-runs`, {})).status).toBe(404);
  });

  let policy: Record<string, unknown> & { clocks: { severity: string; channel: string; within: string; reportKind: string; sensitive?: boolean }[] };

  it('gives the designer their jurisdiction\'s policy with its versions; others 404', async () => {
    const { status, body } = await as.designer!.get('/api/jurisdictions/530900/policy');
    expect(status).toBe(200);
    expect(body).toMatchObject({ jurisdiction: '530900', inheritedFrom: null, inEffect: 1, policy: { code: '530900', version: 1 } });
    expect(body.versions).toEqual([expect.objectContaining({ version: 1, effectiveFrom: '2020-04-28', savedBy: null })]);
    policy = body.policy;
    expect((await as.admin!.get('/api/jurisdictions/530900/policy')).status).toBe(200);
    expect((await as.lx_reporter!.get('/api/jurisdictions/530900/policy')).status).toBe(404);
    expect((await as.designer!.get('/api/jurisdictions/530902/policy')).status).toBe(404);
    // a county without its own policy inherits its city's (admin)
    expect((await as.admin!.get('/api/jurisdictions/530902/policy')).body).toMatchObject({ inheritedFrom: '530900', versions: [] });
  });

  it('previews a sample\'s deadlines as the clocks compute them; a policy failing the schema is 400 with field paths', async () => {
    const receivedAt = '2026-12-06T02:00:00.000Z'; // 10:00 in Beijing
    const preview = await as.designer!.post('/api/jurisdictions/530900/policy/preview', { policy, sample: { severity: 'III', occurredAt: receivedAt, receivedAt } });
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    expect(preview.body.text['zh-CN']).toBe('较大, 接报 10:00 → 电话 10:30，书面 11:00；催办 10:15、10:25、10:45、10:55');
    expect(preview.body.clocks[0]).toMatchObject({ channel: 'phone', dueAt: '2026-12-06T02:30:00.000Z', rule: expect.stringContaining('000 三（二）一') });

    const broken = { ...policy, clocks: [{ ...policy.clocks[0], within: '半小时' }, ...policy.clocks.slice(1)], reminders: ['PT0S'] };
    const refused = await as.designer!.post('/api/jurisdictions/530900/policy/preview', { policy: broken, sample: { severity: 'III', occurredAt: receivedAt } });
    expect(refused.status).toBe(400);
    expect((refused.body.errors as { path: string }[]).map((e) => e.path)).toEqual(expect.arrayContaining(['policy.clocks.0.within', 'policy.reminders.0']));
    const noSample = await as.designer!.post('/api/jurisdictions/530900/policy/preview', { policy, sample: { severity: 'V' } });
    expect(noSample.status).toBe(400);
    expect((noSample.body.errors as { path: string }[]).map((e) => e.path)).toEqual(expect.arrayContaining(['sample.severity', 'sample.occurredAt']));
    expect((await as.lx_reporter!.post('/api/jurisdictions/530900/policy/preview', { policy, sample: { severity: 'III', occurredAt: receivedAt } })).status).toBe(404);
  });

  it('saves a new version effective from a day; new reports take it, a running report keeps the version it resolved with', async () => {
    const today = beijingDay(new Date());
    // a 较大 report resolved with v1 (phone PT30M)
    const running = (await as.lx_reporter!.post('/api/reports', firstReport({ severity: 'III' }))).body.incidentNumber;
    const before = await resolvedDossier(running);
    expect(before.reports[0].policy).toEqual({ code: '530900', version: 1 });
    const phoneBefore = before.reports[0].clocks.find((c: { channel: string }) => c.channel === 'phone');
    expect(phoneBefore).toMatchObject({ within: 'PT30M', policyVersion: 1 });

    // bad saves store nothing
    const clocks = policy.clocks.map((c) => (c.severity === 'III' && c.channel === 'phone' && c.reportKind === 'first' ? { ...c, within: 'PT20M' } : c));
    const bad = await as.designer!.post('/api/jurisdictions/530900/policy/versions', { baseVersion: 1, effectiveFrom: today, comment: '较大事件电话报告提前到 20 分钟', policy: { ...policy, clocks: [...clocks, clocks[0]] } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ path: `policy.clocks.${clocks.length}` })]);
    const past = await as.designer!.post('/api/jurisdictions/530900/policy/versions', { baseVersion: 1, effectiveFrom: '2020-01-01', comment: '补记', policy: { ...policy, clocks } });
    expect(past.status).toBe(400);
    expect(past.body.errors).toEqual([expect.objectContaining({ path: 'effectiveFrom' })]);
    const noComment = await as.designer!.post('/api/jurisdictions/530900/policy/versions', { baseVersion: 1, effectiveFrom: today, comment: ' ', policy: { ...policy, clocks } });
    expect(noComment.status).toBe(400);
    expect((await as.lx_reporter!.post('/api/jurisdictions/530900/policy/versions', { baseVersion: 1, effectiveFrom: today, comment: '越权', policy: { ...policy, clocks } })).status).toBe(404);
    expect((await as.designer!.get('/api/jurisdictions/530900/policy')).body.versions).toHaveLength(1);

    // when: saved as v2 from today
    const saved = await as.designer!.post('/api/jurisdictions/530900/policy/versions', { baseVersion: 1, effectiveFrom: today, comment: '较大事件电话报告提前到 20 分钟', policy: { ...policy, clocks } });
    expect(saved.status, JSON.stringify(saved.body).slice(0, 400)).toBe(201);
    expect(saved.body).toMatchObject({ jurisdiction: '530900', version: 2, effectiveFrom: today });
    expect(saved.body.changes).toContain('clocks.0.within');
    // a second save over the same base is 409
    expect((await as.admin!.post('/api/jurisdictions/530900/policy/versions', { baseVersion: 1, effectiveFrom: today, comment: '并发', policy })).status).toBe(409);

    // then: a new 较大 report resolves with v2, the running one keeps v1 and its deadline
    const fresh = await resolvedDossier((await as.lx_reporter!.post('/api/reports', firstReport({ severity: 'III' }))).body.incidentNumber);
    expect(fresh.reports[0].policy).toEqual({ code: '530900', version: 2 });
    expect(fresh.reports[0].clocks.find((c: { channel: string }) => c.channel === 'phone')).toMatchObject({ within: 'PT20M', policyVersion: 2 });
    const kept = (await as.lx_reporter!.get(`/api/incidents/${running}`)).body;
    expect(kept.reports[0].policy).toEqual({ code: '530900', version: 1 });
    expect(kept.reports[0].clocks.find((c: { channel: string }) => c.channel === 'phone')).toMatchObject({ within: 'PT30M', dueAt: phoneBefore.dueAt, policyVersion: 1 });
  });

  it('keeps a version saved for a later day waiting for it, and audits every saved version', async () => {
    const tomorrow = beijingDay(new Date(Date.now() + DAY_MS));
    const saved = await as.designer!.post('/api/jurisdictions/530900/policy/versions', { baseVersion: 2, effectiveFrom: tomorrow, comment: '明日起催办提前', policy: { ...policy, reminders: ['PT20M', 'PT5M'] } });
    expect(saved.status).toBe(201);
    const { body } = await as.designer!.get('/api/jurisdictions/530900/policy');
    expect(body.inEffect).toBe(2);
    expect(body.policy.version).toBe(3);
    expect(body.versions.map((v: { version: number; savedBy: string | null; comment: string | null; effectiveFrom: string }) => [v.version, v.savedBy, v.comment, v.effectiveFrom])).toEqual([
      [3, '吴敏', '明日起催办提前', tomorrow],
      [2, '吴敏', '较大事件电话报告提前到 20 分钟', beijingDay(new Date())],
      [1, null, null, '2020-04-28'],
    ]);
    expect(body.versions[0].changes).toEqual(expect.arrayContaining(['reminders.0', 'effectiveFrom']));
    const fresh = await resolvedDossier((await as.lx_reporter!.post('/api/reports', firstReport({ severity: 'III' }))).body.incidentNumber);
    expect(fresh.reports[0].policy).toEqual({ code: '530900', version: 2 });
  });

  it('describes the new endpoints in the OpenAPI document', async () => {
    const { body } = await as.designer!.get('/api/openapi.json');
    for (const p of ['/api/jurisdictions/{jurisdiction}/processes/{bpmnProcessId}/comparison', '/api/jurisdictions/{jurisdiction}/policy', '/api/jurisdictions/{jurisdiction}/policy/preview', '/api/jurisdictions/{jurisdiction}/policy/versions', '/api/process-drafts/{id}/dry-runs']) {
      expect(body.paths[p], p).toBeDefined();
    }
  });
});
