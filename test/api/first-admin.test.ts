import type { RunningServer } from '@kuaibao/api';
import { createTestDatabase, TAICANG, type Database } from '@kuaibao/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, firstReport, login, type Client } from './client';
import { completeInTurn, csv, jurisdictionRows, PERSON_HEADER, UNIT_HEADER } from './jurisdiction-sheet';
import { startTestServer } from './server';

const EMPTY = { KUAIBAO_DEMO_DATA: false } as const;

/**
 * Issue 18's end: an installation started without demo data gets its first 系统管理员, who sets up 太仓 (江苏省 → 苏州市 →
 * 太仓市, seed 001) from a spreadsheet; its first 首报 runs to 苏州市's duty office with the 320585 deadlines (docs/adr/0028).
 */
describe('an empty installation', () => {
  let db: Database;
  let server: RunningServer;
  // the database outlives each server, so that a second start finds what the first one made
  const kept = () => ({ ...db, close: async () => {} });

  beforeAll(async () => {
    db = await createTestDatabase(process.env);
    server = await startTestServer({ db: kept(), config: EMPTY });
  });
  afterAll(async () => {
    await server?.close();
    await db?.close();
  });

  it('creates the first 系统管理员, who must change the password and then sets up 太仓 from a spreadsheet whose first 首报 reaches the city duty office', { timeout: 120_000 }, async () => {
    // given: the account the start banner prints
    expect(server.firstAdmin).toMatchObject({ username: 'admin', generated: true });
    const password = server.firstAdmin!.password;
    expect(password).toMatch(/^(?=.*[a-z])(?=.*\d)[A-Za-z2-9]{12}$/);

    // when: the admin logs in
    const loggedIn = await client(server.url).request('POST', '/api/auth/login', { username: 'admin', password });
    const admin = await login(server.url, 'admin', password);

    // then: a 系统管理员 of the 系统管理 unit, held at the password change
    expect(loggedIn.body).toMatchObject({ roles: ['admin', 'system_admin'], unitName: '系统管理', mustChangePassword: true });
    const held = await admin.get('/api/admin/org-units');
    expect(held.status).toBe(403);
    expect(held.body).toMatchObject({ code: 'PASSWORD_CHANGE_REQUIRED', detail: '请先修改密码：初始密码和管理员重置的密码须修改后才能使用' });
    expect((await admin.post('/api/auth/change-password', { currentPassword: password, newPassword: 'xitong2027' })).status).toBe(204);
    expect((await admin.get('/api/admin/org-units')).body.items.map((u: { code: string }) => u.code)).toEqual(['000000-XTGL']);

    // when: 太仓's units and people, as CSV files, in a dry run
    const rows = jurisdictionRows(TAICANG);
    const files = [{ name: '太仓单位.csv', content: csv([UNIT_HEADER, ...rows.units]) }, { name: '太仓人员.csv', content: csv([PERSON_HEADER, ...rows.people]) }];
    const dry = await admin.post('/api/admin/import', { files, dryRun: true });

    // then: every row would be created once the people's initial password is given; nothing is written yet
    expect(dry.status, JSON.stringify(dry.body)).toBe(200);
    expect(dry.body.summary).toEqual({ units: { create: 9, update: 0, unchanged: 0, error: 0 }, people: { create: 10, update: 0, unchanged: 0, error: 0 } });
    expect(dry.body.problems).toEqual([{ table: 'people', row: null, column: null, message: '将新建 10 名人员：请设置初始密码（首次登录须修改）' }]);
    expect((await admin.get('/api/admin/org-units')).body.items).toHaveLength(1);

    // when: applied
    const applied = await admin.post('/api/admin/import', { files, dryRun: false, initialPassword: 'taicang2026' });

    // then: every route of 太仓 is staffed
    expect(applied.status, JSON.stringify(applied.body)).toBe(200);
    expect(applied.body).toMatchObject({ ok: true, applied: true });
    expect((await admin.get('/api/admin/route-health?rootId=org-320585')).body).toMatchObject({ ok: true, gaps: [] });

    // when: 太仓's people change their initial passwords and a 重大 首报 is filed, verified, signed off and received
    const as: Record<string, Client> = {};
    for (const name of ['tc_reporter', 'tc_verifier', 'tc_leader', 'sz_yjj_staff', 'tc_duty', 'sz_duty']) {
      as[name] = await login(server.url, name, 'taicang2026');
      expect((await as[name]!.post('/api/auth/change-password', { currentPassword: 'taicang2026', newPassword: 'taicang2027' })).status).toBe(204);
    }
    const submitted = await as.tc_reporter!.post('/api/reports', firstReport({
      title: '太仓市城厢镇化工企业火灾', reportingUnitId: 'org-320585-yj', place: { divisionCode: '320585', address: '太仓市城厢镇' }, contact: { name: '钱进', phone: '0512-53500001' },
      occurredAt: new Date(Date.now() - 5 * 60_000).toISOString(), learnedAt: new Date(Date.now() - 2 * 60_000).toISOString(),
    }));
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(201);
    const number: string = submitted.body.incidentNumber;
    await completeInTurn(number, [
      [as.tc_verifier!, 'verify', { decision: 'confirm' }], [as.tc_leader!, 'sign_off', { decision: 'approve', opinion: '同意报送' }],
      [as.sz_yjj_staff!, 'acknowledge_superior', {}], [as.tc_duty!, 'acknowledge_government', {}], [as.sz_duty!, 'receive_city', { opinion: '已签收' }],
    ]);

    // then: 苏州市's duty office received it, and its clocks are 太仓's (001 二: 重大 — 15 minutes by phone, 30 in writing)
    let dossier = (await as.tc_reporter!.get(`/api/incidents/${number}`)).body;
    for (let i = 0; i < 200 && dossier.reports[0].workflow?.state !== 'completed'; i++) {
      await new Promise((r) => setTimeout(r, 50));
      dossier = (await as.tc_reporter!.get(`/api/incidents/${number}`)).body;
    }
    const [report] = dossier.reports;
    expect(report).toMatchObject({ status: 'received', workflow: { state: 'completed' } });
    expect(report.receipts.find((r: { role: string }) => r.role === 'cityDutyOffice')).toMatchObject({ acknowledgedBy: '潘静' });
    expect(report.clocks.map((c: { channel: string; within: string; from: string; policyCode: string }) => [c.channel, c.within, c.from, c.policyCode]).sort()).toEqual([
      ['phone', 'PT15M', 'occurred', '320585'],
      ['written', 'PT30M', 'occurred', '320585'],
    ]);
  });

  it('creates nothing on a second start once users exist', async () => {
    // given
    const users = await db.prisma.appUser.count();
    const units = await db.prisma.orgUnit.count();
    await server.close();

    // when: started again, even asked for another admin
    server = await startTestServer({ db: kept(), config: { ...EMPTY, KUAIBAO_ADMIN_USERNAME: 'root', KUAIBAO_ADMIN_PASSWORD: 'root2026x' } });

    // then
    expect(server.firstAdmin).toBeNull();
    expect({ users: await db.prisma.appUser.count(), units: await db.prisma.orgUnit.count() }).toEqual({ users, units });
    expect((await client(server.url).request('POST', '/api/auth/login', { username: 'root', password: 'root2026x' })).status).toBe(401);
    expect((await (await login(server.url, 'admin', 'xitong2027')).get('/api/admin/org-units')).status).toBe(200);
  });
});

describe('an empty installation with KUAIBAO_ADMIN_PASSWORD', () => {
  let server: RunningServer;
  afterAll(() => server?.close());

  it('creates the named admin with that password, still to be changed at the first login', async () => {
    server = await startTestServer({ db: await createTestDatabase(process.env), config: { ...EMPTY, KUAIBAO_ADMIN_USERNAME: 'root', KUAIBAO_ADMIN_PASSWORD: 'chosen2026' } });

    expect(server.firstAdmin).toEqual({ username: 'root', password: 'chosen2026', generated: false });
    const me = (await (await login(server.url, 'root', 'chosen2026')).get('/api/me')).body;
    expect(me).toMatchObject({ username: 'root', roles: ['admin', 'system_admin'], mustChangePassword: true });
  });
});
