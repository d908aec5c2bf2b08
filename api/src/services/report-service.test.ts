import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEngineStore, createIncidentRepository, createTestDatabase, DEMO_TEMPLATE, type Database } from '@kuaibao/db';
import { EmbeddedEngine } from '@kuaibao/engine';
import { createAuditRepository, createOrgUnitRepository, createProcessDesignRepository } from '@kuaibao/db';
import type { ApiDeps } from '../deps';
import { reconcileUnstartedSubmits, submitFirstReport } from './report-service';

const bpmn = { name: 'incident-report.bpmn', content: readFileSync(path.resolve(import.meta.dirname, '../../../processes/incident-report.bpmn'), 'utf8') };

describe('reconcileUnstartedSubmits', () => {
  let db: Database;
  let engine: EmbeddedEngine;
  beforeEach(async () => {
    db = await createTestDatabase(process.env, { template: DEMO_TEMPLATE });
    engine = new EmbeddedEngine({ store: createEngineStore(db.prisma) });
    await engine.deploy([bpmn]);
  });
  afterEach(async () => {
    await engine.close();
    await db.close();
  });

  const leftBehind = async (incidents: ReturnType<typeof createIncidentRepository>, id: string) => {
    const number = await incidents.nextNumber('530902', new Date());
    await incidents.createWithReport(
      { number, title: '中断的报送', category: 'natural_disaster', severity: 'IV', sensitive: false, classified: false, reportingUnitId: 'lx-yjj', occurredAt: new Date(), learnedAt: new Date() },
      { id, kind: 'first', sequence: 0, status: 'submitting', content: {}, createdById: 'user-lx_reporter' },
      { actorName: '李明', action: 'report.submitted' },
    );
    return number;
  };

  it('links a report whose workflow started and undoes one whose workflow never did', async () => {
    // given: two submits interrupted by a crash, one after its workflow started
    const incidents = createIncidentRepository(db.prisma);
    const started = await leftBehind(incidents, 'r-started');
    await engine.startInstance({ bpmnProcessId: 'incident-report', businessKey: started, variables: { reportId: 'r-started', incidentNumber: started, reportingUnitId: 'lx-yjj' } });
    const lost = await leftBehind(incidents, 'r-lost');

    // when
    const result = await reconcileUnstartedSubmits({ incidents, engine }, new Date(Date.now() + 1000));

    // then
    expect(result).toEqual({ linked: 1, undone: 1 });
    expect((await incidents.get(started))?.reports[0]).toMatchObject({ status: 'verifying', instanceKey: expect.any(String) });
    expect(await incidents.get(lost)).toBeNull();
    expect(await db.prisma.auditEvent.count({ where: { incidentNumber: lost } })).toBe(0);
  });

  it("does not take an instance of another process for the report's workflow", async () => {
    // given: an interrupted submit whose only instance with its report id is of a process that is no report's
    const incidents = createIncidentRepository(db.prisma);
    const number = await leftBehind(incidents, 'r-other');
    await engine.deploy([{ name: 'other.bpmn', content: OTHER_PROCESS }]);
    await engine.startInstance({ bpmnProcessId: 'not-a-report', businessKey: number, variables: { reportId: 'r-other' } });

    // when
    const result = await reconcileUnstartedSubmits({ incidents, engine }, new Date(Date.now() + 1000));

    // then: undone, as a submit whose workflow never started
    expect(result).toEqual({ linked: 0, undone: 1 });
    expect(await incidents.get(number)).toBeNull();
  });
});

const OTHER_PROCESS = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="http://kuaibao.test">
  <bpmn:process id="not-a-report" isExecutable="true">
    <bpmn:startEvent id="start"><bpmn:outgoing>f</bpmn:outgoing></bpmn:startEvent>
    <bpmn:sequenceFlow id="f" sourceRef="start" targetRef="end" />
    <bpmn:endEvent id="end"><bpmn:incoming>f</bpmn:incoming></bpmn:endEvent>
  </bpmn:process>
</bpmn:definitions>`;

describe('submitFirstReport', () => {
  it('leaves no dossier, report or audit entry when the workflow cannot start', async () => {
    // given: an engine that refuses to start instances
    const db = await createTestDatabase(process.env, { template: DEMO_TEMPLATE });
    const engine = { startInstance: () => Promise.reject(new Error('engine down')) } as unknown as ApiDeps['engine'];
    const deps = { incidents: createIncidentRepository(db.prisma), orgUnits: createOrgUnitRepository(db.prisma), audit: createAuditRepository(db.prisma), designs: createProcessDesignRepository(db.prisma), engine, now: () => new Date() } as ApiDeps;
    const user = { id: 'user-lx_reporter', username: 'lx_reporter', displayName: '李明', unitId: 'lx-yjj', unitName: '临翔区应急管理局', roles: ['reporter' as const], locale: 'zh-CN', mustChangePassword: false };
    const report = {
      kind: 'first', classified: false, sensitive: false, mayEscalate: false, title: '测试', category: 'natural_disaster', severity: 'IV',
      occurredAt: new Date().toISOString(), learnedAt: new Date().toISOString(), reportingUnitId: 'lx-yjj',
    } as unknown as Parameters<typeof submitFirstReport>[2];

    // when
    const attempt = submitFirstReport(deps, user, report, '127.0.0.1');

    // then
    await expect(attempt).rejects.toMatchObject({ code: 'ENGINE_UNAVAILABLE' });
    expect([await db.prisma.incident.count(), await db.prisma.incidentReport.count(), await db.prisma.auditEvent.count()]).toEqual([0, 0, 0]);
    await db.close();
  });

  it('numbers by the Beijing day of the submit, and a failed submit leaves its number to the next one', async () => {
    // given: the clock at 00:30 on 23 November in Beijing (16:30 UTC the day before); the first start fails
    const db = await createTestDatabase(process.env, { template: DEMO_TEMPLATE });
    const now = new Date('2026-11-22T16:30:00Z');
    let starts = 0;
    const engine = { startInstance: async () => (++starts === 1 ? Promise.reject(new Error('engine down')) : { key: `i-${starts}` }) } as unknown as ApiDeps['engine'];
    const deps = { incidents: createIncidentRepository(db.prisma), orgUnits: createOrgUnitRepository(db.prisma), audit: createAuditRepository(db.prisma), designs: createProcessDesignRepository(db.prisma), engine, now: () => now } as ApiDeps;
    const user = { id: 'user-lx_reporter', username: 'lx_reporter', displayName: '李明', unitId: 'lx-yjj', unitName: '临翔区应急管理局', roles: ['reporter' as const], locale: 'zh-CN', mustChangePassword: false };
    const report = {
      kind: 'first', classified: false, sensitive: false, mayEscalate: false, title: '测试', category: 'natural_disaster', severity: 'IV',
      occurredAt: '2026-11-22T16:00:00Z', learnedAt: '2026-11-22T16:10:00Z', reportingUnitId: 'lx-yjj',
    } as unknown as Parameters<typeof submitFirstReport>[2];

    // when
    await expect(submitFirstReport(deps, user, report, null)).rejects.toMatchObject({ code: 'ENGINE_UNAVAILABLE' });
    const submitted = await submitFirstReport(deps, user, report, null);

    // then
    expect(submitted.incidentNumber).toBe('KB-530902-20261123-0001');
    await db.close();
  });
});
