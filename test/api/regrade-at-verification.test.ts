import type { RunningServer } from '@kuaibao/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstReport, login, waitForTask, type Client } from './client';
import { startTestServer } from './server';

type Clock = { party: string; channel: string; within: string; from: string; startedAt: string; dueAt: string; state: string };
type Dossier = { reports: { clocks: Clock[]; receipts: { role: string }[] }[]; timeline: { action: string; at: string; detail: Record<string, unknown> }[] };
const MINUTE = 60_000;
const ago = (minutes: number) => new Date(Date.now() - minutes * MINUTE).toISOString();

/**
 * Issue 19 item 6 (ADR 0024's open step, ADR 0057): a regrade at 核实. Before this change an upward regrade kept the
 * routes and clocks of the grade as submitted — 临沧's 一般 report corrected to 重大 at 核实 ran with no clock at all and
 * sent no 越级 copy, though 000 三（二）二 gives 重大 30 minutes by phone and 1 hour in writing from 接报 and 000 二（三）
 * asks for it at once. A downward regrade must keep the clocks already running: they are evidence.
 */
describe('a regrade at 核实, over HTTP', { timeout: 180_000 }, () => {
  let server: RunningServer;
  const as: Record<string, Client> = {};
  beforeAll(async () => {
    server = await startTestServer();
    for (const name of ['lx_reporter', 'lx_verifier', 'lx_leader', 'lc_duty']) as[name] = await login(server.url, name);
  });
  afterAll(() => server?.close());

  async function complete(user: Client, number: string, kind: string, body: unknown = {}) {
    const task = await waitForTask(user, number, kind);
    const response = await user.post(`/api/tasks/${task.key}/complete`, body);
    expect(response.status, JSON.stringify(response.body)).toBe(204);
  }
  const dossier = async (number: string): Promise<Dossier> => (await as.lx_reporter!.get(`/api/incidents/${number}`)).body;
  async function until(number: string, ok: (d: Dossier) => boolean): Promise<Dossier> {
    for (let i = 0; i < 300; i++) {
      const d = await dossier(number);
      if (ok(d)) return d;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`dossier ${number}: ${JSON.stringify((await dossier(number)).reports[0]?.clocks)}`);
  }
  const unitClocks = (d: Dossier) => d.reports[0]!.clocks.filter((c) => c.party === 'reporting_unit');

  it('000 三（二）二: 一般 corrected to 重大 at 核实 starts 重大’s clocks from the original 接报 and sends the 越级 copy; audited', async () => {
    // given: a 一般 report (临沧 sets no figure for 一般: no clock, no 越级), learned of 45 minutes ago
    const learnedAt = ago(45);
    const created = await as.lx_reporter!.post('/api/reports', firstReport({ severity: 'IV', occurredAt: ago(50), learnedAt }));
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const number: string = created.body.incidentNumber;
    await waitForTask(as.lx_verifier!, number, 'verify');
    expect(unitClocks(await dossier(number))).toEqual([]);

    // when: the verifier corrects the grade to 重大
    await complete(as.lx_verifier!, number, 'verify', { decision: 'confirm', opinion: '现场核实：3 人死亡，应为重大', corrections: { severity: 'II' } });

    // then: 重大's clocks, counted from the original instant (接报 = 获知 here), not from 核实: phone 30 min (already past: 迟报), written 1 h
    const d = await until(number, (x) => unitClocks(x).length === 2 && x.timeline.some((e) => e.action === 'clock.overdue'));
    const byChannel = Object.fromEntries(unitClocks(d).map((c) => [c.channel, c]));
    expect(byChannel.phone).toMatchObject({ within: 'PT30M', startedAt: learnedAt, dueAt: new Date(Date.parse(learnedAt) + 30 * MINUTE).toISOString(), state: 'overdue' });
    expect(byChannel.written).toMatchObject({ within: 'PT1H', startedAt: learnedAt, dueAt: new Date(Date.parse(learnedAt) + 60 * MINUTE).toISOString(), state: 'open' });
    const regraded = d.timeline.find((e) => e.action === 'report.regraded')!;
    expect(regraded.detail).toMatchObject({ direction: 'up', from: { severity: 'IV' }, to: { severity: 'II' }, addedRoutes: ['cityDutyOfficeDirect'] });
    expect((regraded.detail.clocks as { channel: string; before: unknown }[]).map((c) => [c.channel, c.before])).toEqual([['phone', null], ['written', null]]);
    expect(d.timeline.find((e) => e.action === 'clock.overdue')!.detail).toMatchObject({ channel: 'phone', within: 'PT30M' });

    // and the route 重大 needs: the 越级 copy reaches the city duty office; the sign-off is due by the written deadline
    await waitForTask(as.lc_duty!, number, 'receive_city_direct');
    const signOff = await waitForTask(as.lx_leader!, number, 'sign_off');
    expect(Date.parse((signOff as unknown as { dueDate: string }).dueDate)).toBe(Date.parse(byChannel.written!.dueAt));

    // when: signed off
    await complete(as.lx_leader!, number, 'sign_off', { decision: 'approve' });

    // then: the clocks settle against the stricter deadlines
    const settled = await until(number, (x) => unitClocks(x).every((c) => c.state !== 'open' && c.state !== 'overdue'));
    expect(Object.fromEntries(unitClocks(settled).map((c) => [c.channel, c.state]))).toEqual({ phone: 'late', written: 'met' });
  });

  it('a downward regrade (重大 corrected to 一般) keeps the clocks already running, as evidence; audited', async () => {
    // given: a 重大 report with its clocks (and the 越级 copy it warranted)
    const created = await as.lx_reporter!.post('/api/reports', firstReport({ title: '临翔区博尚镇民房垮塌', severity: 'II', occurredAt: ago(12), learnedAt: ago(10) }));
    const number: string = created.body.incidentNumber;
    const before = unitClocks(await until(number, (x) => unitClocks(x).length === 2));

    // when: 核实 finds it 一般
    await complete(as.lx_verifier!, number, 'verify', { decision: 'confirm', opinion: '核实无人员伤亡，应为一般', corrections: { severity: 'IV' } });
    await waitForTask(as.lx_leader!, number, 'sign_off');

    // then: same clocks, same deadlines; the regrade is in the trail with the clocks it kept
    const d = await until(number, (x) => x.timeline.some((e) => e.action === 'report.regraded'));
    expect(unitClocks(d).map((c) => [c.channel, c.dueAt, c.within])).toEqual(before.map((c) => [c.channel, c.dueAt, c.within]));
    const regraded = d.timeline.find((e) => e.action === 'report.regraded')!;
    expect(regraded.detail).toMatchObject({ direction: 'down', from: { severity: 'II' }, to: { severity: 'IV' }, clocks: [], addedRoutes: [] });
    expect((regraded.detail.keptClocks as { channel: string }[]).map((c) => c.channel).sort()).toEqual(['phone', 'written']);
  });
});
