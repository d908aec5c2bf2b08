import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '@kuaibao/api';
import { login, waitForClocks, waitForTask, type Client } from './client';
import { startTestServer } from './server';

const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

/**
 * Issue 19 item 7, 涉密 (000 三（三）"涉密信息按有关保密规定办理"; 001, 002): the content goes through the secure channel
 * and the system keeps a placeholder — but the placeholder is still reported on time by grade (000 三（二）一: 较大,
 * 30 分钟 / 1 小时), signed off by the unit's leader (000, 003: 经本单位主要领导审签) and closable by a placeholder 终报.
 * Before, a classified report had no clocks, no 审签, and its 终报 was refused (409, or 400 for the placeholder's keys).
 */
describe('涉密 placeholder: clocks, sign-off and closure over HTTP', { timeout: 120_000 }, () => {
  let server: RunningServer;
  const as: Record<string, Client> = {};
  beforeAll(async () => {
    server = await startTestServer();
    for (const name of ['lx_reporter', 'lx_leader', 'lc_duty']) as[name] = await login(server.url, name);
  });
  afterAll(() => server.close());

  const transmission = (minutes: number) => ({ channel: 'confidential_bureau', handledBy: { name: '李明' }, sentAt: ago(minutes), documentNumber: '机要〔2026〕21号' });
  const dossier = async (number: string) => (await as.lx_reporter!.get(`/api/incidents/${number}`)).body;
  async function complete(user: Client, number: string, kind: string, body: unknown = {}) {
    const task = await waitForTask(user, number, kind);
    const response = await user.post(`/api/tasks/${task.key}/complete`, body);
    expect(response.status, JSON.stringify(response.body)).toBe(204);
  }

  it('000 三（二）一: a classified 较大 report learned of 3 hours ago is on the 30-minute and 1-hour clocks, signed off, then acknowledged; its placeholder 终报 closes the incident', async () => {
    // given
    const created = await as.lx_reporter!.post('/api/reports', {
      kind: 'first', classified: true, category: 'social_security', severity: 'III', occurredAt: ago(190), learnedAt: ago(180),
      reportingUnitId: 'lx-yjj', contact: { name: '李明', phone: '0883-2100001' }, secureTransmission: transmission(170),
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const number: string = created.body.incidentNumber;

    // then: the clocks of its grade run (临沧: 较大 phone 30 min, written 1 h) and are already past: 迟报
    const clocks = await waitForClocks(as.lx_reporter!, number);
    expect(clocks.map((c) => [c.channel, c.state])).toEqual([['phone', 'overdue'], ['written', 'overdue']]);
    expect(clocks[0]!.rule).toContain('000 三（二）一');

    // when: the leader signs the placeholder off, and the city duty office acknowledges it
    expect((await dossier(number)).reports[0].status).toBe('signing');
    await complete(as.lx_leader!, number, 'sign_off', { decision: 'approve', opinion: '已经机要渠道报送' });
    await complete(as.lc_duty!, number, 'acknowledge_classified');

    // then: delivered late, on record
    let first = (await dossier(number)).reports[0];
    for (let i = 0; i < 200 && first.status !== 'received'; i++) {
      await new Promise((r) => setTimeout(r, 50));
      first = (await dossier(number)).reports[0];
    }
    expect(first.clocks.map((c: { state: string }) => c.state)).toEqual(['late', 'late']);

    // when: the placeholder 终报 (no content: when the response ended and the secure transmission)
    const final = await as.lx_reporter!.post(`/api/incidents/${number}/reports`, { kind: 'final', classified: true, endedAt: ago(5), secureTransmission: transmission(3) });
    expect(final.status, JSON.stringify(final.body)).toBe(201);
    await complete(as.lx_leader!, number, 'sign_off', { decision: 'approve' });
    await complete(as.lc_duty!, number, 'acknowledge_classified');

    // then: the incident is closed, and no content ever entered the system
    let closed = await dossier(number);
    for (let i = 0; i < 200 && closed.status !== 'closed'; i++) {
      await new Promise((r) => setTimeout(r, 50));
      closed = await dossier(number);
    }
    expect(closed).toMatchObject({ status: 'closed', classified: true, reports: [{ kind: 'first' }, { kind: 'final', status: 'concluded' }] });
    expect(Object.keys(closed.reports[1].content)).not.toContain('title');
  });

  it('refuses content in a classified 终报, and an ordinary 续报 of a classified incident', async () => {
    const created = await as.lx_reporter!.post('/api/reports', {
      kind: 'first', classified: true, category: 'social_security', severity: 'IV', occurredAt: ago(20), learnedAt: ago(10),
      reportingUnitId: 'lx-yjj', contact: { name: '李明', phone: '0883-2100001' }, secureTransmission: transmission(5),
    });
    const number: string = created.body.incidentNumber;
    const withContent = await as.lx_reporter!.post(`/api/incidents/${number}/reports`, { kind: 'final', classified: true, endedAt: ago(1), secureTransmission: transmission(1), cause: '某原因' });
    expect(withContent.status).toBe(400);
    expect(withContent.body.errors.map((e: { path: string }) => e.path)).toContain('cause');
    expect((await as.lx_reporter!.post(`/api/incidents/${number}/reports`, { kind: 'follow_up', progress: '进展' })).status).toBe(409);
  });
});
