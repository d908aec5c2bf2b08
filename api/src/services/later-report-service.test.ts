import { makeReportPatchSchemas } from '@kuaibao/domain';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAuditRepository, createIncidentRepository, createOrgUnitRepository, createTestDatabase, DEMO_TEMPLATE, type Database } from '@kuaibao/db';
import type { ApiDeps } from '../deps';
import { submitLaterReport } from './later-report-service';
import { reconcileUnstartedSubmits } from './report-service';

/** A 首报 as stored once signed off and delivered. */
const firstContent = {
  kind: 'first', classified: false, sensitive: false, mayEscalate: false, title: '临翔区马台乡森林火灾', category: 'natural_disaster', severity: 'IV',
  occurredAt: '2026-11-22T08:00:00+08:00', learnedAt: '2026-11-22T08:10:00+08:00', reportingUnitId: 'lx-yjj',
  place: { divisionCode: '530902', address: '马台乡帮东村后山' }, casualties: { dead: 0, injured: 2, seriouslyInjured: 0, missing: 0, trapped: 0 },
  course: '后山发生森林火灾。', harm: '2 人轻伤。', contact: { name: '李明', phone: '0883-2100001' },
};
const reporter = { id: 'user-lx_reporter', username: 'lx_reporter', displayName: '李明', unitId: 'lx-yjj', unitName: '临翔区应急管理局', roles: ['reporter' as const], locale: 'zh-CN', mustChangePassword: false };

describe('submitLaterReport and its undo', () => {
  let db: Database;
  let number: string;
  const incidents = () => createIncidentRepository(db.prisma);
  beforeEach(async () => {
    db = await createTestDatabase(process.env, { template: DEMO_TEMPLATE });
    number = await incidents().nextNumber('530902', new Date());
    await incidents().createWithReport(
      { number, title: firstContent.title, category: 'natural_disaster', severity: 'IV', sensitive: false, classified: false, reportingUnitId: 'lx-yjj', occurredAt: new Date(firstContent.occurredAt), learnedAt: new Date(firstContent.learnedAt) },
      { id: 'r-first', kind: 'first', sequence: 0, status: 'received', content: firstContent, createdById: reporter.id },
      { actorName: '李明', action: 'report.submitted' },
    );
  });
  afterEach(() => db.close());
  const trail = async () => (await db.prisma.auditEvent.findMany({ where: { incidentNumber: number }, orderBy: { chainSeq: 'asc' } })).map((e) => e.action);

  it('removes the 续报, and only it, when its workflow cannot start; the trail keeps its submit and says it was withdrawn', async () => {
    // given: an engine that refuses to start instances
    const engine = { startInstance: () => Promise.reject(new Error('engine down')) } as unknown as ApiDeps['engine'];
    const deps = { incidents: incidents(), orgUnits: createOrgUnitRepository(db.prisma), audit: createAuditRepository(db.prisma), engine, now: () => new Date() } as ApiDeps;

    // when
    const attempt = submitLaterReport(deps, reporter, { incidentNumber: number, patch: { kind: 'follow_up', progress: '火势得到控制' }, rules: makeReportPatchSchemas({ now: deps.now }).merged, ip: null });

    // then
    await expect(attempt).rejects.toMatchObject({ code: 'ENGINE_UNAVAILABLE' });
    expect((await incidents().get(number))?.reports.map((r) => r.id)).toEqual(['r-first']);
    expect(await trail()).toEqual(['report.submitted', 'report.submitted', 'report.withdrawn']); // the trail is append-only (ADR 0026)
    expect(await createAuditRepository(db.prisma).verify(number)).toMatchObject({ intact: true });
  });

  it('undoes a 续报 left behind by a crash without touching the dossier', async () => {
    // given: a 续报 saved, then the process died before its workflow started
    await incidents().appendReport(number, () => ({
      report: { id: 'r-lost', kind: 'follow_up', status: 'submitting', content: { ...firstContent, kind: 'follow_up' }, changes: [], createdById: reporter.id },
      audit: { actorName: '李明', action: 'report.submitted' },
    }));
    const engine = { findInstances: () => Promise.resolve([]) } as unknown as ApiDeps['engine'];

    // when
    const result = await reconcileUnstartedSubmits({ incidents: incidents(), engine }, new Date(Date.now() + 1000));

    // then
    expect(result).toEqual({ linked: 0, undone: 1 });
    expect((await incidents().get(number))?.reports.map((r) => r.id)).toEqual(['r-first']);
    expect(await trail()).toEqual(['report.submitted', 'report.submitted', 'report.withdrawn']);
  });
});
