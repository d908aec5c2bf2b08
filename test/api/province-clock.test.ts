import type { RunningServer } from '@kuaibao/api';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { firstReport, login, waitForTask, type Client } from './client';
import { startTestServer } from './server';

type Clock = { party: string; unitId: string | null; channel: string; to: string | null; from: string; within: string; startedAt: string; dueAt: string; state: string; metBy: string | null; rule: string };
type Dossier = {
  reports: { clocks: Clock[]; receipts: { role: string; unitId: string; dispatchedAt: string }[] }[];
  notifications: { kind: string; recipientName: string; message: string }[];
  timeline: { action: string; detail: Record<string, unknown> }[];
};
const HOUR = 3600_000;
const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

/** A 太原市应急管理局 (city bureau of the 山西 demo chain 小店区 → 太原市 → 山西省) 首报: its superior department is 山西省应急管理厅. */
const taiyuanReport = (overrides: Record<string, unknown>) => firstReport({
  title: '太原市迎泽区一商场发生火灾', reportingUnitId: 'ty-yjj', place: { divisionCode: '140106', address: '太原市迎泽区某商场' },
  contact: { name: '贾文', phone: '0351-4000001' }, occurredAt: ago(20), learnedAt: ago(10), ...overrides,
});

/**
 * Seed 002 一（三）"省人民政府要在接到报告后4小时内上报国务院" (issue 19 item 3, ADR 0057). Before this change the province's
 * clock was data only: a Ⅱ report reaching 山西省应急管理厅 started nothing — no clock in the dossier, no 催办, no 迟报, no task.
 */
describe('002 一（三）: the province’s own 4 hours to the State Council, over HTTP', { timeout: 180_000 }, () => {
  let server: RunningServer;
  const as: Record<string, Client> = {};
  beforeAll(async () => {
    server = await startTestServer();
    for (const name of ['ty_yjj_staff', 'ty_yjj_leader', 'shx_yjt_duty', 'admin']) as[name] = await login(server.url, name);
  });
  afterEach(() => vi.useRealTimers());
  afterAll(() => server?.close());

  async function complete(user: Client, number: string, kind: string, body: unknown = {}) {
    const task = await waitForTask(user, number, kind);
    const response = await user.post(`/api/tasks/${task.key}/complete`, body);
    expect(response.status, JSON.stringify(response.body)).toBe(204);
  }
  const dossier = async (number: string): Promise<Dossier> => (await as.admin!.get(`/api/incidents/${number}`)).body;
  async function until(number: string, ok: (d: Dossier) => boolean): Promise<Dossier> {
    for (let i = 0; i < 300; i++) {
      const d = await dossier(number);
      if (ok(d)) return d;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`dossier ${number} never reached the expected state: ${JSON.stringify((await dossier(number)).reports[0]?.clocks)}`);
  }
  const provinceClock = (d: Dossier) => d.reports[0]!.clocks.find((c) => c.party === 'province');
  /** Moves every clock of the server (the engine's timers read Date) to `at`, and lets it run on from there. */
  const travelTo = (at: number) => vi.useFakeTimers({ toFake: ['Date'], now: at, shouldAdvanceTime: true });

  async function filedAndSigned(severity: string) {
    const created = await as.ty_yjj_staff!.post('/api/reports', taiyuanReport({ severity }));
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const number: string = created.body.incidentNumber;
    await complete(as.ty_yjj_staff!, number, 'verify', { decision: 'confirm' });
    await complete(as.ty_yjj_leader!, number, 'sign_off', { decision: 'approve' });
    return number;
  }

  it('002 一（三）: a Ⅱ report reaching 山西省应急管理厅 starts its 4-hour clock from receipt, with 催办 and 迟报; recording the report to the State Council settles it', async () => {
    // given: a 重大 首报 of 太原市应急管理局, signed off and delivered to the provincial department
    const number = await filedAndSigned('II');
    const task = await waitForTask(as.shx_yjt_duty!, number, 'report_state_council');

    // then: the dossier shows the province's own clock beside the unit's, counted from the delivery (接报), cited
    let d = await until(number, (x) => provinceClock(x) !== undefined);
    const delivered = d.reports[0]!.receipts.find((r) => r.role === 'superiorDepartment')!;
    expect(delivered.unitId).toBe('shx-yjt');
    const clock = provinceClock(d)!;
    expect(clock).toMatchObject({ party: 'province', unitId: 'shx-yjt', channel: 'phone', to: 'state_council', from: 'received', within: 'PT4H', state: 'open', startedAt: delivered.dispatchedAt });
    expect(clock.rule).toContain('省人民政府要在接到报告后4小时内上报国务院');
    expect(Date.parse(clock.dueAt) - Date.parse(clock.startedAt)).toBe(4 * HOUR);
    expect(Date.parse((task as unknown as { dueDate: string }).dueDate)).toBe(Date.parse(clock.dueAt));
    // the reporting unit's clocks are its own, and already met when the report went out
    expect(d.reports[0]!.clocks.filter((c) => c.party === 'reporting_unit').map((c) => c.state)).not.toContain('open');

    // when: 10 minutes before the deadline (reminders at 15 and 5 minutes before, 山西's policy)
    travelTo(Date.parse(clock.dueAt) - 10 * 60_000);

    // then: 催办 to the province's duty officer, about the report to the State Council
    d = await until(number, (x) => x.notifications.some((n) => n.kind === 'reminder' && n.message.includes('报国务院')));
    expect(d.notifications.filter((n) => n.kind === 'reminder').map((n) => n.recipientName)).toContain('薛峰');

    // when: the deadline passes with nothing recorded
    travelTo(Date.parse(clock.dueAt) + 60_000);

    // then: 迟报, marked for the province (not the reporting unit), with the evidence and an alert
    d = await until(number, (x) => x.timeline.some((e) => e.action === 'clock.overdue' && e.detail.party === 'province'));
    expect(d.timeline.find((e) => e.action === 'clock.overdue' && e.detail.party === 'province')!.detail).toMatchObject({
      unitId: 'shx-yjt', to: 'state_council', dueAt: clock.dueAt, openSteps: [{ kind: 'report_state_council' }],
    });
    expect(provinceClock(d)!.state).toBe('overdue');
    expect(d.notifications.some((n) => n.kind === 'overdue' && n.recipientName === '薛峰' && n.message.includes('报国务院'))).toBe(true);

    // and 时效统计 counts it for the province, apart from 太原市应急管理局's own clocks
    const stats = (await as.admin!.get('/api/stats/timeliness')).body as { units: { unitId: string; phone: { open: number; late: number }; stateCouncil: { met: number; late: number; open: number } }[] };
    expect(stats.units.find((u) => u.unitId === 'shx-yjt')?.stateCouncil).toEqual({ met: 0, late: 1, open: 0 });
    expect(stats.units.find((u) => u.unitId === 'ty-yjj')?.stateCouncil).toEqual({ met: 0, late: 0, open: 0 });

    // when: the province records its report to the State Council
    await complete(as.shx_yjt_duty!, number, 'report_state_council', { opinion: '已电话报国务院总值班室，并传真书面报告' });

    // then: the clock is settled, late, by that report
    d = await until(number, (x) => provinceClock(x)?.state === 'late');
    expect(provinceClock(d)).toMatchObject({ state: 'late', metBy: 'state_council_report' });
    expect(d.timeline.some((e) => e.action === 'report.delivered_late' && e.detail.party === 'province')).toBe(true);
  });

  it('002 一（三）: a 较大 (Ⅲ) report gives the province no State Council deadline and no task', async () => {
    // given / when: a 较大 首报 delivered to the provincial department
    const number = await filedAndSigned('III');
    await waitForTask(as.shx_yjt_duty!, number, 'acknowledge_superior');
    const d = await until(number, (x) => x.timeline.some((e) => e.action === 'clock.resolved' && e.detail.party === 'province'));

    // then: the province's policy has no rule for Ⅲ: nothing to run
    expect(d.reports[0]!.clocks.filter((c) => c.party === 'province')).toEqual([]);
    const tasks = (await as.shx_yjt_duty!.get('/api/tasks?kind=report_state_council&pageSize=200')).body.items as { incidentNumber: string }[];
    expect(tasks.filter((t) => t.incidentNumber === number)).toEqual([]);
  });
});
