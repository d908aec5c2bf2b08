import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type Database } from '../index';
import { DEMO_UNITS, DEMO_USERS, loadDemoData } from '../seed/demo-lincang';
import { createAuditRepository } from './audit';
import { createInboxRepository } from './inbox';
import { createIncidentRepository } from './incidents';
import { createOrgAdminRepository } from './org-admin';
import { createSessionRepository, createUserRepository } from './users';

const fakeHash = async (password: string) => `hashed:${password}`;

describe('repositories', () => {
  let db: Database;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.close());

  it('loads the demo jurisdiction once', async () => {
    // when
    const first = await loadDemoData(db.prisma, fakeHash);
    const second = await loadDemoData(db.prisma, fakeHash);

    // then
    expect([first, second]).toEqual([true, false]);
    expect(await db.prisma.orgUnit.count()).toBe(DEMO_UNITS.length);
    const reporter = await createUserRepository(db.prisma).findByUsername('lx_reporter');
    expect(reporter).toMatchObject({ displayName: '李明', roles: ['reporter'], unit: { name: '临翔区应急管理局' }, passwordHash: 'hashed:kuaibao2026' });
    expect(await db.prisma.appUser.count()).toBe(DEMO_USERS.length);
  });

  it('numbers incidents per division and day without gaps or duplicates under concurrency', async () => {
    // given
    const incidents = createIncidentRepository(db.prisma);
    const day = new Date('2026-11-22T12:00:00Z');

    // when
    const numbers = await Promise.all(Array.from({ length: 5 }, () => incidents.nextNumber('530902', day)));
    const other = await incidents.nextNumber('530925', day);

    // then
    expect([...numbers].sort()).toEqual(['0001', '0002', '0003', '0004', '0005'].map((n) => `KB-530902-20261122-${n}`));
    expect(other).toBe('KB-530925-20261122-0001');
  });

  describe('incident numbers are gap-free per division and Beijing day', () => {
    const header = { title: '编号测试', category: 'natural_disaster', severity: 'IV', sensitive: false, classified: false, reportingUnitId: 'yn-yjt', occurredAt: new Date(), learnedAt: new Date() };
    const report = (id: string, content: Record<string, unknown> = {}) => ({ id, kind: 'first', sequence: 0, status: 'submitting', content, createdById: 'user-sj_reporter' });
    const audit = { actorName: '信息员', action: 'report.submitted' };

    it('dates a number by the Beijing day: 00:30 in Beijing is the new day (it was the UTC day before)', async () => {
      const incidents = createIncidentRepository(db.prisma);

      const number = await incidents.nextNumber('530926', new Date('2026-11-22T16:30:00Z'));

      expect(number).toBe('KB-530926-20261123-0001');
    });

    it('takes no number for a dossier that fails to be written, nor for one undone after its workflow failed to start', async () => {
      // given: a submit that fails inside the transaction (PostgreSQL refuses the NUL in its content)
      const incidents = createIncidentRepository(db.prisma);
      const at = new Date('2026-11-24T02:00:00Z');
      await expect(incidents.openDossier({ divisionCode: '530925', at }, header, report('n-failed', { title: '火\u0000灾' }), audit)).rejects.toThrow();

      // when
      const first = await incidents.openDossier({ divisionCode: '530925', at }, header, report('n-1'), audit);
      await incidents.deleteUnstarted(first.number); // its workflow did not start
      const again = await incidents.openDossier({ divisionCode: '530925', at }, header, report('n-2'), audit);
      const next = await incidents.openDossier({ divisionCode: '530925', at }, header, report('n-3'), audit);

      // then
      expect(first.number).toBe('KB-530925-20261124-0001');
      expect(again.number).toBe('KB-530925-20261124-0001');
      expect(next.number).toBe('KB-530925-20261124-0002');
    });
  });

  it('creates a dossier with its report and audit, lists it for its unit only, and deduplicates handler audit entries', async () => {
    // given
    const incidents = createIncidentRepository(db.prisma);
    const audit = createAuditRepository(db.prisma);
    const number = await incidents.nextNumber('530902', new Date());

    // when
    const report = await incidents.createWithReport(
      { number, title: '临翔区某林区火灾', category: 'natural_disaster', severity: 'III', sensitive: false, classified: false, reportingUnitId: 'lx-yjj', occurredAt: new Date(), learnedAt: new Date() },
      { id: 'r-1', kind: 'first', sequence: 0, status: 'submitting', content: { title: '临翔区某林区火灾' }, createdById: 'user-lx_reporter' },
      { actorId: 'user-lx_reporter', actorName: '李明', action: 'report.submitted', ip: '127.0.0.1' },
    );
    await audit.append({ incidentNumber: number, actorName: 'system', action: 'report.dispatched', dedupeKey: 'job-1' });
    await audit.append({ incidentNumber: number, actorName: 'system', action: 'report.dispatched', dedupeKey: 'job-1' });

    // then
    expect(report.incidentNumber).toBe(number);
    expect((await audit.forIncident(number)).map((e) => e.action)).toEqual(['report.submitted', 'report.dispatched']);
    expect((await incidents.list({ unitIds: ['lx-yjj'], offset: 0, limit: 10 })).total).toBe(1);
    expect((await incidents.list({ unitIds: ['sj-yjj'], offset: 0, limit: 10 })).total).toBe(0);
    expect((await incidents.list({ unitIds: ['sj-yjj'], orNumbers: [number], offset: 0, limit: 10 })).total).toBe(1);
    expect((await incidents.list({ unitIds: ['lx-yjj'], q: '火灾', offset: 0, limit: 10 })).total).toBe(1);
    for (const wildcard of ['%', '_', '\\']) expect((await incidents.list({ unitIds: ['lx-yjj'], q: wildcard, offset: 0, limit: 10 })).total).toBe(0); // searched for, not patterns
  });

  it('takes the dossier header from received reports only, never from a phone report in the dossier', async () => {
    // given: a dossier opened by a phone report (the caller said 特别重大), its written 首报 (较大) not yet received
    const incidents = createIncidentRepository(db.prisma);
    const number = await incidents.nextNumber('530902', new Date('2026-11-23T00:00:00Z'));
    const header = { title: '某化工厂爆炸', category: 'accident_disaster', severity: 'III', sensitive: false, classified: false, reportingUnitId: 'lx-yjj', occurredAt: new Date(), learnedAt: new Date() };
    await incidents.createWithReport({ number, ...header }, { id: `p-${number}`, kind: 'phone', sequence: 0, status: 'received', content: { title: '电话', severity: 'I' }, createdById: 'user-lc_duty' }, { actorName: '杨帆', action: 'report.phoned' });
    await incidents.addWrittenAfterPhone(number, {}, { id: `f-${number}`, kind: 'first', sequence: 0, status: 'dispatching', content: { title: '某化工厂爆炸', severity: 'III' }, createdById: 'user-lx_reporter' }, { actorName: '李明', action: 'report.submitted' });

    // when: a receipt elsewhere asks for the header to follow the received reports
    await incidents.refreshHeader(number);

    // then: nothing a 首报/续报/终报 said was received yet, so the header stays
    expect(await incidents.get(number)).toMatchObject({ title: '某化工厂爆炸', severity: 'III' });
  });

  it('runs the inbox query (no workflow tasks yet)', async () => {
    const inbox = createInboxRepository(db.driver);
    const filter = { groups: ['unit:lx-yjj:verifier'], username: 'lx_verifier', now: new Date() };
    expect(await inbox.list({ ...filter, offset: 0, limit: 20, overdue: true, kind: 'verify', severity: 'III' })).toEqual({ items: [], total: 0 });
    expect(await inbox.counts(filter)).toEqual({ mine: 0, group: 0, all: 0, overdue: 0 });
    expect(await inbox.openTasksOf('1')).toEqual([]);
  });

  it('keeps only a hash of session tokens and expires sessions', async () => {
    // given
    const sessions = createSessionRepository(db.prisma);
    const token = await sessions.create({ userId: 'user-lx_reporter', ttlMs: 60_000, ip: '127.0.0.1' });

    // then
    expect((await sessions.findValid(token))?.user.username).toBe('lx_reporter');
    expect(await db.prisma.userSession.findFirst({ where: { id: token } })).toBeNull();
    await sessions.delete(token);
    expect(await sessions.findValid(token)).toBeNull();
  });

  it('finds a valid session with its user and unit name, and none once expired or the user is deactivated', async () => {
    // given
    const sessions = createSessionRepository(db.prisma);
    const orgAdmin = createOrgAdminRepository(db.prisma);
    const valid = await sessions.create({ userId: 'user-lx_reporter', ttlMs: 60_000 });
    const expired = await sessions.create({ userId: 'user-lx_reporter', ttlMs: -1 });
    const user = await db.prisma.appUser.findUniqueOrThrow({ where: { id: 'user-lx_reporter' }, include: { unit: true } });

    // then
    expect(await sessions.findValid(valid)).toEqual({
      expiresAt: expect.any(Date),
      user: { id: user.id, username: 'lx_reporter', displayName: user.displayName, unitId: user.unitId, unitName: user.unit.name, roles: user.roles, locale: user.locale, mustChangePassword: false },
    });
    expect(await sessions.findValid(expired)).toBeNull();
    expect(await sessions.findValid('no-such-token')).toBeNull();
    // deactivated as the admin pages do (the session was just found valid, so it is cached)
    await orgAdmin.locked((tx) => tx.updatePerson(user.id, { active: false }));
    try {
      expect(await sessions.findValid(valid)).toBeNull();
    } finally {
      await orgAdmin.locked((tx) => tx.updatePerson(user.id, { active: true }));
    }
  });

  it('answers a cached session as the database would right after a logout, a role change, a unit renamed and a password change', async () => {
    // given: sessions of one user, each found valid once (cached)
    const sessions = createSessionRepository(db.prisma);
    const orgAdmin = createOrgAdminRepository(db.prisma);
    const userId = 'user-lx_leader';
    const [mine, other, loggingOut] = await Promise.all([0, 1, 2].map(() => sessions.create({ userId, ttlMs: 60_000 })));
    const found = async (token: string) => (await sessions.findValid(token))?.user ?? null;
    for (const token of [mine!, other!, loggingOut!]) expect(await found(token)).toMatchObject({ roles: ['leader'] });
    const unitId = (await found(mine!))!.unitId;
    const unitName = (await found(mine!))!.unitName;

    // when / then: logged out: refused at once
    await sessions.delete(loggingOut!);
    expect(await found(loggingOut!)).toBeNull();

    // a role change takes effect at once
    await orgAdmin.locked((tx) => tx.updatePerson(userId, { roles: ['leader', 'verifier'] }));
    expect(await found(mine!)).toMatchObject({ roles: ['leader', 'verifier'] });

    // the unit's new name at once
    await orgAdmin.locked((tx) => tx.updateUnit(unitId, { name: `${unitName}（新）` }));
    expect(await found(mine!)).toMatchObject({ unitName: `${unitName}（新）` });

    // a reset password must be changed at once; changing it ends the other session and clears the mark
    await orgAdmin.locked((tx) => tx.setPassword(userId, 'hashed:reset', true));
    expect(await found(mine!)).toMatchObject({ mustChangePassword: true });
    await orgAdmin.changePassword({ userId, passwordHash: 'hashed:new', keepSessionId: sessions.idOf(mine!) });
    expect(await found(mine!)).toMatchObject({ mustChangePassword: false });
    expect(await found(other!)).toBeNull();

    await orgAdmin.locked(async (tx) => {
      await tx.updatePerson(userId, { roles: ['leader'] });
      await tx.updateUnit(unitId, { name: unitName });
    });
  });
});
