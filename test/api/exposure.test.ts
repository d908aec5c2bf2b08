import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '@kuaibao/api';
import { client, firstReport, login, waitForTask } from './client';
import { startTestServer } from './server';

/** Who sees what beyond the report itself, and how many guesses one address gets (ADR 0025). */
describe('what a dossier shows whom, and the login budget of one address', () => {
  let server: RunningServer;
  let number: string;
  beforeAll(async () => {
    server = await startTestServer({ config: { LOGIN_FAILURES_PER_ADDRESS: 8 } });
    const reporter = await login(server.url, 'lx_reporter');
    number = (await reporter.post('/api/reports', firstReport({ title: '可见性测试' }))).body.incidentNumber;
    const verifier = await login(server.url, 'lx_verifier');
    await verifier.post(`/api/tasks/${(await waitForTask(verifier, number, 'verify')).key}/complete`, { decision: 'confirm' });
    const leader = await login(server.url, 'lx_leader');
    await leader.post(`/api/tasks/${(await waitForTask(leader, number, 'sign_off')).key}/complete`, { decision: 'approve' });
    await waitForTask(await login(server.url, 'lc_yjj_duty'), number, 'acknowledge_superior'); // delivered to 临沧市应急管理局
    await server.deps.notifications.record({
      incidentNumber: number, reportId: null, kind: 'reminder', recipientId: 'user-lc_yjj_duty', recipientName: '刘洋', phone: '0883-2200001',
      message: '催办', status: 'sent', gatewayRef: 'sms-1', dedupeKey: `test:${number}`, sentAt: new Date(),
    });
  }, 120_000); // one server and a report through two steps, on a machine others share
  afterAll(() => server.close());

  it('shows the reporters’ IP addresses and the texted phone numbers to admins only (a receiving unit saw them)', async () => {
    const receiving = (await (await login(server.url, 'lc_yjj_duty')).get(`/api/incidents/${number}`)).body;
    const admin = (await (await login(server.url, 'admin')).get(`/api/incidents/${number}`)).body;

    expect(receiving.timeline.length).toBeGreaterThan(0);
    expect(receiving.timeline.map((e: { ip: unknown }) => e.ip).filter((ip: unknown) => ip !== null)).toEqual([]);
    expect(receiving.notifications.length).toBeGreaterThan(0);
    expect(receiving.notifications.map((n: { phone: unknown }) => n.phone).filter((phone: unknown) => phone !== null)).toEqual([]);
    expect(admin.timeline.find((e: { action: string }) => e.action === 'report.submitted').ip).toMatch(/127\.0\.0\.1/);
    expect(admin.notifications.map((n: { phone: unknown }) => n.phone)).toContain('0883-2200001');
  });

  it('does not show a designer the reports delivered to their unit (it did), while the unit’s duty officer sees them', async () => {
    const designer = await login(server.url, 'designer');

    expect((await designer.get(`/api/incidents/${number}`)).status).toBe(404);
    expect((await designer.get('/api/incidents?pageSize=100')).body.items.map((i: { number: string }) => i.number)).not.toContain(number);
    expect((await (await login(server.url, 'lc_yjj_duty')).get(`/api/incidents/${number}`)).status).toBe(200);
  });

  it('shows a trail changed behind the API loudly in the dossier and in the admin’s verify (it was served without a warning)', async () => {
    // given: the leader's sign-off rewritten in the database (past the append-only trigger, through its escape)
    const duty = await login(server.url, 'lc_yjj_duty');
    expect((await duty.get(`/api/incidents/${number}`)).body.trailIntegrity).toMatchObject({ intact: true, broken: null });
    await server.deps.db.prisma.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT set_config('kuaibao.audit_maintenance', 'on', true)`;
      await tx.$executeRaw`UPDATE audit_event SET actor_name = '赵六', at = at - interval '10 minutes' WHERE incident_number = ${number} AND actor_name = '张伟'`;
    });

    // when
    const dossier = (await duty.get(`/api/incidents/${number}`)).body;
    const admin = await login(server.url, 'admin');
    const verified = await admin.get('/api/admin/audit/verify');

    // then
    expect(dossier.trailIntegrity).toMatchObject({ intact: false, broken: { action: 'task.completed', problem: 'altered' } });
    expect(verified.status).toBe(200);
    expect(verified.body).toMatchObject({ intact: false, broken: [{ incidentNumber: number, broken: { problem: 'altered' } }] });
    expect((await duty.get('/api/admin/audit/verify')).status).toBe(403);
  });

  it('refuses an address that failed its budget over several accounts, even the right password; another address is not held up', async () => {
    // given: one address guesses 5 passwords for one account and 3 for another (8 failures, each account within its own 5)
    const from = (address: string, username: string, password: string) =>
      client(server.url).request('POST', '/api/auth/login', { username, password }, { 'x-forwarded-for': address });
    for (let i = 0; i < 5; i++) expect((await from('203.0.113.7', 'sj_duty', `guess-${i}`)).status).toBe(401);
    for (let i = 0; i < 3; i++) expect((await from('203.0.113.7', 'sj_leader', `guess-${i}`)).status).toBe(401);

    // when
    const third = await from('203.0.113.7', 'sj_verifier', 'kuaibao2026');
    const elsewhere = await from('198.51.100.2', 'sj_verifier', 'kuaibao2026');

    // then
    expect(third.status).toBe(429);
    expect(third.body.detail).toContain('此地址');
    expect(Number(third.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(elsewhere.status).toBe(200);
  });
});
