import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, loadConfig, type RunningServer } from '@kuaibao/api';
import { MAX_BPMN_BYTES } from '@kuaibao/domain';
import { createScratchDatabase, type ScratchDatabase } from '../support/scratch-database';
import { firstReport, login, waitForTask, type Client } from './client';

const defaultFlow = readFileSync(path.resolve(import.meta.dirname, '../../processes/incident-report.bpmn'), 'utf8');
const BPMN_NS = 'http://www.omg.org/spec/BPMN/20100524/MODEL';
const renamed = defaultFlow.replace('<bpmn:userTask id="verify" name="核实">', '<bpmn:userTask id="verify" name="现场核实">');
/** 核实 connected straight to a dispatch to the superior department, inside the reporting stage, before 审签. */
const dispatchAfterVerify = renamed.replace(
  '</bpmn:subProcess>',
  `<bpmn:serviceTask id="dispatch-early" name="提前报送上级主管部门"><bpmn:extensionElements><zeebe:taskDefinition type="kuaibao.report.dispatch" />
   <zeebe:taskHeaders><zeebe:header key="recipient" value="superiorDepartment" /></zeebe:taskHeaders></bpmn:extensionElements>
   <bpmn:incoming>f-early</bpmn:incoming></bpmn:serviceTask>
   <bpmn:sequenceFlow id="f-early" sourceRef="verify" targetRef="dispatch-early" /></bpmn:subProcess>`,
);

const config = { ...loadConfig({}), PORT: 0, HOST: '127.0.0.1', ENGINE_SCHEDULER_INTERVAL_MS: 50 };

describe('the process designer over HTTP (drafts, checks, deploy per jurisdiction, rollback, restart)', () => {
  let database: ScratchDatabase;
  let server: RunningServer;
  const as: Record<string, Client> = {};
  const loginAll = async () => {
    for (const name of ['designer', 'admin', 'lx_reporter', 'lx_verifier', 'lx_leader']) as[name] = await login(server.url, name);
  };
  beforeAll(async () => {
    database = await createScratchDatabase({ prefix: 'designer' });
    server = await startServer({ database: database.target, config });
    await loginAll();
  });
  afterAll(async () => {
    await server?.close();
    await database?.dispose();
  });

  const list = () => as.designer!.get('/api/jurisdictions/530900/processes');
  const instanceOf = async (instanceKey: string) => (await server.deps.engine.getInstance(instanceKey))!;
  let draft: { id: string; revision: number };
  let before: { instanceKey: string; incidentNumber: string };

  it('shows the designer their jurisdiction, with every process on the shipped default; others get 404', async () => {
    expect((await as.designer!.get('/api/designer/jurisdiction')).body).toEqual({ jurisdiction: '530900' });
    const { status, body } = await list();
    expect(status).toBe(200);
    expect(body.processes.map((p: { bpmnProcessId: string; deployed: unknown }) => [p.bpmnProcessId, p.deployed])).toEqual([
      ['incident-report', null], ['follow-up-report', null], ['verification-request', null], ['classified-report', null],
    ]);
    expect(body.processes[0].name).toBe('突发事件信息报送（默认流程）');
    // who may: the designer of that jurisdiction or an admin
    expect((await as.admin!.get('/api/jurisdictions/530900/processes')).status).toBe(200);
    expect((await as.lx_reporter!.get('/api/jurisdictions/530900/processes')).status).toBe(404);
    expect((await as.designer!.get('/api/jurisdictions/530902/processes')).status).toBe(404);
    expect((await as.admin!.get('/api/jurisdictions/999999/processes')).status).toBe(404);
    expect((await as.designer!.post('/api/jurisdictions/530900/processes/no-such-flow/drafts', {})).status).toBe(404);
  });

  it('creates a draft of the running flow, checked on the server', async () => {
    before = (await as.lx_reporter!.post('/api/reports', firstReport({ severity: 'IV' }))).body;
    const created = await as.designer!.post('/api/jurisdictions/530900/processes/incident-report/drafts', {});
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({ jurisdiction: '530900', bpmnProcessId: 'incident-report', revision: 1, baseVersion: null, findings: [] });
    draft = created.body;
    expect((await as.lx_reporter!.get(`/api/process-drafts/${draft.id}`)).status).toBe(404);
    expect((await as.designer!.get(`/api/process-drafts/${draft.id}`)).body.xml).toBe(defaultFlow);
  });

  it('saves over the revision it loaded; the second of two concurrent saves gets 409 with what changed', async () => {
    const first = await as.designer!.request('PUT', `/api/process-drafts/${draft.id}`, { xml: renamed, revision: 1 });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body.revision).toBe(2);
    const second = await as.admin!.request('PUT', `/api/process-drafts/${draft.id}`, { xml: defaultFlow, revision: 1 });
    expect(second.status).toBe(409);
    expect(second.body).toMatchObject({ status: 409, current: { revision: 2, updatedBy: '吴敏' } });
    expect(second.body.changes.changed).toEqual([{ id: 'verify', name: '现场核实', type: 'bpmn:UserTask', fields: ['name'] }]);
    draft = first.body;
  });

  const bad: [string, string, string][] = [
    ['not XML', 'not xml at all', 'not_xml'],
    ['XML that is not BPMN', '<html><body>hi</body></html>', 'not_bpmn'],
    ['malformed BPMN', `<bpmn:definitions xmlns:bpmn="${BPMN_NS}"><bpmn:process id="incident-report">`, 'malformed'],
    ['an entity bomb', `<?xml version="1.0"?><!DOCTYPE b [<!ENTITY a "aaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]><bpmn:definitions xmlns:bpmn="${BPMN_NS}">&b;</bpmn:definitions>`, 'doctype'],
    ['an external entity', `<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><bpmn:definitions xmlns:bpmn="${BPMN_NS}">&x;</bpmn:definitions>`, 'doctype'],
    ['over the size limit', defaultFlow.replace('</bpmn:definitions>', `<!-- ${'x'.repeat(MAX_BPMN_BYTES)} --></bpmn:definitions>`), 'too_large'],
    ['a construct the engine does not run', defaultFlow.replace('<bpmn:userTask id="verify" name="核实">', '<bpmn:callActivity id="call-verify" name="调用核实" /><bpmn:userTask id="verify" name="核实">'), 'unsupported'],
    ['another process', defaultFlow.replace('id="incident-report"', 'id="my-own-flow"'), 'wrong_process'],
  ];
  it.each(bad)('refuses %s with 400 naming the problem, storing nothing', async (_, xml, problem) => {
    const saved = await as.designer!.request('PUT', `/api/process-drafts/${draft.id}`, { xml, revision: draft.revision });
    expect(saved.status, JSON.stringify(saved.body).slice(0, 300)).toBe(400);
    expect(saved.body).toMatchObject({ status: 400, problem, errors: [{ path: 'xml' }] });
    expect(saved.body.detail).toBeTruthy();
    const created = await as.designer!.post('/api/jurisdictions/530900/processes/incident-report/drafts', { xml });
    expect(created.status).toBe(400);
    const stored = (await as.designer!.get(`/api/process-drafts/${draft.id}`)).body;
    expect(stored).toMatchObject({ revision: draft.revision, xml: renamed });
  });

  it('names the element in a check that blocks deploy (422), and deploys nothing', async () => {
    const saved = await as.designer!.request('PUT', `/api/process-drafts/${draft.id}`, { xml: dispatchAfterVerify, revision: draft.revision });
    expect(saved.status).toBe(200);
    expect(saved.body.findings).toContainEqual(expect.objectContaining({ id: 'dispatch-early', rule: 'kuaibao/verified-and-signed-before-dispatch', category: 'error' }));
    const deployed = await as.designer!.post(`/api/process-drafts/${draft.id}/deployments`, { revision: saved.body.revision, comment: '试图提前报送' });
    expect(deployed.status).toBe(422);
    expect(deployed.body.findings.find((f: { id: string; rule: string }) => f.id === 'dispatch-early' && f.rule.startsWith('kuaibao/')).message).toContain('「提前报送上级主管部门」（dispatch-early）可以不经审签就报送');
    expect((await list()).body.processes[0].deployed).toBeNull();
    draft = saved.body;
  });

  it('deploys the fixed draft as v2 (v1: the shipped default); new reports start on it, running ones stay', async () => {
    const fixed = await as.designer!.request('PUT', `/api/process-drafts/${draft.id}`, { xml: renamed, revision: draft.revision });
    expect(fixed.body.findings).toEqual([]);
    expect((await as.designer!.post(`/api/process-drafts/${draft.id}/deployments`, { revision: draft.revision, comment: '过期的版本' })).status).toBe(409);
    expect((await as.designer!.post(`/api/process-drafts/${draft.id}/deployments`, { revision: fixed.body.revision })).status).toBe(400);
    const deployed = await as.designer!.post(`/api/process-drafts/${draft.id}/deployments`, { revision: fixed.body.revision, comment: '核实步骤更名为现场核实' });
    expect(deployed.status, JSON.stringify(deployed.body)).toBe(201);
    expect(deployed.body).toMatchObject({ jurisdiction: '530900', bpmnProcessId: 'incident-report', version: 2, comment: '核实步骤更名为现场核实', deployedBy: '吴敏', findings: [] });
    expect(deployed.body.changes.changed).toEqual([{ id: 'verify', name: '现场核实', type: 'bpmn:UserTask', fields: ['name'] }]);

    // a report of a unit of 临沧 (临翔区 530902) starts on v2 in the jurisdiction's tenant, and runs
    const after = (await as.lx_reporter!.post('/api/reports', firstReport({ severity: 'IV' }))).body;
    expect(await instanceOf(after.instanceKey)).toMatchObject({ tenantId: '530900', version: 2, state: 'active' });
    expect(await instanceOf(before.instanceKey)).toMatchObject({ tenantId: '<default>', version: 1, state: 'active' });
    const verify = await waitForTask(as.lx_verifier!, after.incidentNumber, 'verify');
    expect((await as.lx_verifier!.post(`/api/tasks/${verify.key}/complete`, { decision: 'confirm', opinion: '属实' })).status).toBe(204);
    const signOff = await waitForTask(as.lx_leader!, after.incidentNumber, 'sign_off');
    expect((await as.lx_leader!.post(`/api/tasks/${signOff.key}/complete`, { decision: 'approve', opinion: '同意' })).status).toBe(204);
    // the upward clearance message is published in the instance's tenant: the superior branch goes on
    const superior = await login(server.url, 'lc_yjj_duty');
    await waitForTask(superior, after.incidentNumber, 'acknowledge_superior');
    // the report submitted before the deployment still runs on its version
    await waitForTask(as.lx_verifier!, before.incidentNumber, 'verify');

    const { body } = await list();
    expect(body.processes[0].deployed).toMatchObject({ version: 2, deployedBy: '吴敏', comment: '核实步骤更名为现场核实' });
    expect(body.processes[0].versions.map((v: { version: number; running: number; deployedBy: string }) => [v.version, v.running, v.deployedBy])).toEqual([
      [2, 1, '吴敏'], [1, 0, '系统（出厂默认）'],
    ]);
    expect(body.processes[0].drafts).toEqual([expect.objectContaining({ id: draft.id, name: '突发事件信息报送（默认流程）', errors: 0 })]);
    expect((await as.designer!.get('/api/jurisdictions/530900/processes/incident-report/versions/2')).body).toMatchObject({ version: 2, xml: renamed, deployment: { comment: '核实步骤更名为现场核实' } });
    expect((await as.designer!.get('/api/jurisdictions/530900/processes/incident-report/versions/0')).body).toMatchObject({ version: 0, xml: defaultFlow });
    expect((await as.designer!.get('/api/jurisdictions/530900/processes/incident-report/versions/7')).status).toBe(404);

    // the dossier's, task page's and 流程监控's diagram of a report on v2 is v2, for anyone who reads the report
    const diagram = await fetch(`${server.url}/api/processes/incident-report/diagram?jurisdiction=530900&version=2`, { headers: { cookie: as.lx_verifier!.cookie } });
    expect([diagram.status, await diagram.text()]).toEqual([200, renamed]);
    expect((await fetch(`${server.url}/api/processes/incident-report/diagram?jurisdiction=530900&version=7`, { headers: { cookie: as.lx_verifier!.cookie } })).status).toBe(404);
    const half = await as.lx_verifier!.get('/api/processes/incident-report/diagram?jurisdiction=530900');
    expect([half.status, half.body.errors]).toEqual([400, [expect.objectContaining({ path: 'version' })]]);
    expect((await as.lx_verifier!.get('/api/processes/incident-report/diagram?jurisdiction=abc&version=2')).body.errors).toEqual([expect.objectContaining({ path: 'jurisdiction' })]);
    // and 流程监控's instance page names the version and whose deployment it is
    const traced = (await as.admin!.get(`/api/admin/instances/${after.instanceKey}`)).body;
    expect(traced.instance).toMatchObject({ version: 2, jurisdiction: '530900' });
  });

  it('keeps the deployment over a restart: the shipped files never replace it', async () => {
    await server.close();
    server = await startServer({ database: database.target, config });
    await loginAll();
    const { body } = await list();
    expect(body.processes[0].deployed).toMatchObject({ version: 2 });
    const report = (await as.lx_reporter!.post('/api/reports', firstReport({ severity: 'IV' }))).body;
    expect(await instanceOf(report.instanceKey)).toMatchObject({ tenantId: '530900', version: 2 });
  });

  it('rolls back by deploying an earlier version again as a new version', async () => {
    expect((await as.lx_reporter!.post('/api/jurisdictions/530900/processes/incident-report/rollbacks', { version: 1, comment: '回滚' })).status).toBe(404);
    expect((await as.designer!.post('/api/jurisdictions/530900/processes/incident-report/rollbacks', { version: 9, comment: '回滚' })).status).toBe(404);
    const rolled = await as.designer!.post('/api/jurisdictions/530900/processes/incident-report/rollbacks', { version: 1, comment: '恢复出厂默认流程' });
    expect(rolled.status, JSON.stringify(rolled.body)).toBe(201);
    expect(rolled.body).toMatchObject({ version: 3, rollbackOf: 1, comment: '恢复出厂默认流程' });
    expect(rolled.body.changes.changed).toEqual([{ id: 'verify', name: '核实', type: 'bpmn:UserTask', fields: ['name'] }]);
    const report = (await as.lx_reporter!.post('/api/reports', firstReport({ severity: 'IV' }))).body;
    expect(await instanceOf(report.instanceKey)).toMatchObject({ tenantId: '530900', version: 3 });
  });

  it('discards a draft', async () => {
    expect((await as.lx_reporter!.request('DELETE', `/api/process-drafts/${draft.id}`, {})).status).toBe(404);
    expect((await as.designer!.request('DELETE', `/api/process-drafts/${draft.id}`, {})).status).toBe(204);
    expect((await as.designer!.get(`/api/process-drafts/${draft.id}`)).status).toBe(404);
  });

  it('describes every designer endpoint in the OpenAPI document', async () => {
    const { body } = await as.designer!.get('/api/openapi.json');
    for (const p of ['/api/designer/jurisdiction', '/api/jurisdictions/{jurisdiction}/processes', '/api/jurisdictions/{jurisdiction}/processes/{bpmnProcessId}/versions/{version}',
      '/api/jurisdictions/{jurisdiction}/processes/{bpmnProcessId}/drafts', '/api/process-drafts/{id}', '/api/process-drafts/{id}/deployments', '/api/jurisdictions/{jurisdiction}/processes/{bpmnProcessId}/rollbacks']) {
      expect(body.paths[p], p).toBeDefined();
    }
  });
});
