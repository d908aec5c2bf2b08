import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAuditRepository, createEngineStore, createIncidentRepository, createPolicyRepository, createTestDatabase, loadDemoData, type Database } from '@kuaibao/db';
import { EmbeddedEngine, type JobWorker, type UserTask } from '@kuaibao/engine';
import { createHandlers, handlerDeps, InMemorySmsGateway, startWorkers } from '@kuaibao/worker';
import { loadPolicies } from './jurisdictions/index';

const bpmn = { name: 'incident-report.bpmn', content: readFileSync(path.join(import.meta.dirname, 'incident-report.bpmn'), 'utf8') };

/** The default flow on the embedded engine with the real handlers and the demo org tree. */
describe('incident-report.bpmn', () => {
  let db: Database;
  let engine: EmbeddedEngine;
  let workers: JobWorker[];
  const incidents = () => createIncidentRepository(db.prisma);

  beforeEach(async () => {
    db = await createTestDatabase();
    await loadDemoData(db.prisma, async (p) => p);
    engine = new EmbeddedEngine({ store: createEngineStore(db.prisma), onError: () => undefined });
    await engine.deploy([bpmn]);
    await createPolicyRepository(db.prisma).deploy([...loadPolicies().values()]);
    workers = startWorkers(engine, createHandlers(handlerDeps(db.prisma, { gateway: new InMemorySmsGateway(), messages: engine })));
  });
  afterEach(async () => {
    await Promise.all(workers.map((w) => w.close()));
    await engine.close();
    await db.close();
  });

  /** A 重大 (Ⅱ) report (越级 and 004 in depth: report-routes.test.ts). */
  async function submit() {
    const number = await incidents().nextNumber('530902', new Date());
    const report = await incidents().createWithReport(
      { number, title: '临翔区马台乡森林火灾', category: 'natural_disaster', severity: 'II', sensitive: false, classified: false, reportingUnitId: 'lx-yjj', occurredAt: new Date(), learnedAt: new Date() },
      { id: `r-${number}`, kind: 'first', sequence: 0, status: 'verifying', content: {}, createdById: 'user-lx_reporter' },
      { actorName: '李明', action: 'report.submitted' },
    );
    const instance = await engine.startInstance({
      bpmnProcessId: 'incident-report',
      businessKey: number,
      variables: {
        reportId: report.id, incidentNumber: number, reportingUnitId: 'lx-yjj',
        jurisdiction: '530902', reportKind: 'first', severity: 'II', occurredAt: new Date().toISOString(), learnedAt: new Date().toISOString(),
      },
    });
    return { number, instance };
  }

  async function nextTasks(instanceKey: string, count = 1): Promise<UserTask[]> {
    for (let i = 0; i < 500; i++) {
      const tasks = await engine.searchUserTasks({ instanceKey, state: 'created' });
      if (tasks.length >= count) return tasks.sort((a, b) => a.elementId.localeCompare(b.elementId));
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error(`expected ${count} open task(s) on ${instanceKey}`);
  }

  it('goes submit → verify → sign-off (returned once) → both recipients → city duty office, with groups from the org tree', async () => {
    // given
    const { number, instance } = await submit();

    // when / then: a 重大 report reaches the city duty office at once (越级), and goes to verification
    const [direct, verify] = await nextTasks(instance.key, 2);
    expect(direct).toMatchObject({ elementId: 'receive-city-direct', candidateGroups: ['unit:lc-duty:duty_officer'] });
    await engine.completeUserTask(direct!.key);
    expect(verify).toMatchObject({ elementId: 'verify', candidateGroups: ['unit:lx-yjj:verifier'], formKey: 'kuaibao:verify' });
    expect(verify!.dueDate, 'held to the written deadline of 临沧 (Ⅱ: 1 h)').toBeTruthy();
    await engine.completeUserTask(verify!.key, { verifyDecision: 'confirm', verifyOpinion: '经电话核实属实' });

    const [signOff] = await nextTasks(instance.key);
    expect(signOff).toMatchObject({ elementId: 'sign-off', candidateGroups: ['unit:lx-yjj:leader'] });
    await engine.completeUserTask(signOff!.key, { signOffDecision: 'return', signOffOpinion: '请补充过火面积' });

    const [verifyAgain] = await nextTasks(instance.key);
    expect(verifyAgain?.elementId).toBe('verify');
    await engine.completeUserTask(verifyAgain!.key, { verifyDecision: 'confirm', verifyOpinion: '已补充' });
    const [signAgain] = await nextTasks(instance.key);
    await engine.completeUserTask(signAgain!.key, { signOffDecision: 'approve', signOffOpinion: '同意报送' });

    // 双重上报: both at once, each to its own duty officers
    const [government, superior] = await nextTasks(instance.key, 2);
    expect(superior).toMatchObject({ elementId: 'acknowledge-superior', candidateGroups: ['unit:lc-yjj:duty_officer'] });
    expect(government).toMatchObject({ elementId: 'acknowledge-government', candidateGroups: ['unit:lx-duty:duty_officer'] });
    await Promise.all([engine.completeUserTask(superior!.key), engine.completeUserTask(government!.key)]);

    const [city] = await nextTasks(instance.key);
    expect(city).toMatchObject({ elementId: 'receive-city', candidateGroups: ['unit:lc-duty:duty_officer'] });
    await engine.completeUserTask(city!.key);

    // then
    for (let i = 0; i < 500 && (await engine.getInstance(instance.key))?.state !== 'completed'; i++) await new Promise((r) => setTimeout(r, 20));
    expect((await engine.getInstance(instance.key))?.state).toBe('completed');
    const trail = await createAuditRepository(db.prisma).forIncident(number);
    expect(trail.map((e) => [e.action, (e.detail as { recipientRole?: string }).recipientRole ?? null])).toEqual([
      ['report.submitted', null],
      ['clock.resolved', null],
      ['report.dispatched', 'cityDutyOfficeDirect'],
      ['clock.met', null],
      ['clock.met', null],
      ['report.dispatched', expect.any(String)],
      ['report.dispatched', expect.any(String)],
      ['report.dispatched', 'cityDutyOffice'],
      ['report.completed', null],
    ]);
    expect((await incidents().get(number))?.reports[0]?.status).toBe('received');
  });

  it('closes the report when verification finds it is not an incident', async () => {
    // given
    const { number, instance } = await submit();
    const [verify] = await nextTasks(instance.key);

    // when
    await engine.completeUserTask(verify!.key, { verifyDecision: 'close', verifyOpinion: '经核实为计划烧除，非突发事件' });

    // then
    for (let i = 0; i < 500 && (await engine.getInstance(instance.key))?.state !== 'completed'; i++) await new Promise((r) => setTimeout(r, 20));
    const dossier = await incidents().get(number);
    expect(dossier).toMatchObject({ status: 'closed', reports: [{ status: 'closed' }] });
    const trail = await createAuditRepository(db.prisma).forIncident(number);
    expect(trail.at(-1)).toMatchObject({ action: 'report.closed', detail: { reason: '经核实为计划烧除，非突发事件' } });
  });
});
