import type { RunningServer } from '@kuaibao/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, firstReport, login, waitForTask, type Client } from './client';
import { A4, readPdf } from './pdf';
import { startTestServer } from './server';

const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
const squeeze = (text: string) => text.replace(/\s+/g, '');

/**
 * Issue 20 capability 6 (docs/adr/0042): a report exported as the 突发事件信息报告 document — an A4 PDF with its unit,
 * 签发人, times and every element the seeds require, in Chinese that a reader extracts again; readable by exactly those
 * who read the dossier; a 涉密 report as its placeholder only.
 */
describe('the report as a PDF', { timeout: 180_000 }, () => {
  let server: RunningServer;
  const as: Record<string, Client> = {};
  beforeAll(async () => {
    server = await startTestServer();
    for (const name of ['lx_reporter', 'lx_verifier', 'lx_leader', 'sj_reporter', 'lc_duty', 'lc_yjj_duty', 'designer', 'admin']) as[name] = await login(server.url, name);
  });
  afterAll(() => server?.close());

  const pdfOf = (user: Client, reportId: string) => fetch(`${server.url}/api/reports/${reportId}/pdf`, { headers: user.cookie ? { cookie: user.cookie } : {} });
  const dossier = async (number: string) => (await as.lx_reporter!.get(`/api/incidents/${number}`)).body as { reports: { id: string; kind: string; status: string }[] };
  async function complete(user: Client, number: string, kind: string, body: unknown = {}) {
    const task = await waitForTask(user, number, kind);
    const response = await user.post(`/api/tasks/${task.key}/complete`, body);
    expect(response.status, JSON.stringify(response.body)).toBe(204);
  }
  async function reportWhen(number: string, kind: string, done: (r: { status: string }) => boolean) {
    for (let i = 0; ; i++) {
      const report = (await dossier(number)).reports.find((r) => r.kind === kind)!;
      if (done(report) || i > 300) return report;
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  it('exports a signed 首报 as an A4 document whose Chinese reads back: unit, 签发人, times and every required element', async () => {
    // given: a 首报 with cause and measures, verified and signed off by 张伟
    const report = firstReport({ cause: '村民上坟烧纸引发', measures: '出动扑火队员 120 人，转移群众 35 人', trend: '火势已得到初步控制', economicLossYuan: 260000 });
    const number: string = (await as.lx_reporter!.post('/api/reports', report)).body.incidentNumber;
    const reportId = (await dossier(number)).reports[0]!.id;

    // when: exported before 审签
    const unsigned = await readPdf(new Uint8Array(await (await pdfOf(as.lx_reporter!, reportId)).arrayBuffer()));

    // then: it says it is not signed
    expect(unsigned.text).toContain('签发人：（未签发）');
    expect(unsigned.text).toContain('本报告尚未经单位领导审签');

    // when: verified, signed off, and exported
    await complete(as.lx_verifier!, number, 'verify', { decision: 'confirm' });
    await complete(as.lx_leader!, number, 'sign_off', { decision: 'approve', opinion: '同意报送' });
    await reportWhen(number, 'first', (r) => r.status !== 'signing');
    const response = await pdfOf(as.lx_reporter!, reportId);
    const bytes = new Uint8Array(await response.arrayBuffer());

    // then: a PDF to download, named in Chinese
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="kuaibao-${number}-first.pdf"; filename*=UTF-8''${encodeURIComponent(`突发事件信息报告-${number}-首报.pdf`)}`,
    );
    expect(response.headers.get('cache-control')).toBe('private, no-store');

    // and: every page is A4, and the text reads back in order
    const pdf = await readPdf(bytes);
    for (const page of pdf.pages) expect([page.width, page.height]).toEqual([A4.width, A4.height]);
    expect(pdf.title).toBe(`突发事件信息报告（首报）${number}`);
    const expected = [
      '突发事件信息报告', '（首报）', '报送单位：临翔区应急管理局', '签发人：张伟', `事件编号：${number}`, '报送时间：', '签发时间：',
      report.title, '时间：事发时间：', '获知时间：', '事发地点：临翔区马台乡帮东村后山', '事件类别及等级：自然灾害，重大（Ⅱ级）',
      `事件经过：${report.course}`, '人员伤亡：死亡0人，受伤2人（其中重伤0人），失踪0人，被困0人', '直接经济损失（元）：260,000元',
      `危害程度及影响：${report.harm}`, '原因：村民上坟烧纸引发', '发展趋势：火势已得到初步控制', '已采取的措施：出动扑火队员120人，转移群众35人',
      '需要协调解决的问题：待续报', '联系人：李明', '联系电话：0883-2100001',
    ].map(squeeze);
    // each page ends with its number (－ n －, as 公文 are numbered); the body runs on across pages
    const body = pdf.pages.map((page, i) => {
      expect(page.text.endsWith(`－${i + 1}－`), page.text).toBe(true);
      return page.text.slice(0, -`－${i + 1}－`.length);
    }).join('');
    let at = 0;
    for (const part of expected) {
      const found = body.indexOf(part, at);
      expect(found, `「${part}」 after position ${at} in ${body}`).toBeGreaterThanOrEqual(0);
      at = found + part.length;
    }
    expect(pdf.text).not.toContain('未签发');

    // and: the CJK font is embedded as subsets of the glyphs used, so the file stays small (the font files are ~8 MB each)
    expect(pdf.fonts).toHaveLength(2);
    for (const font of pdf.fonts) expect(font).toMatch(/^[A-Z]{6}\+NotoSansHans-(Regular|Bold)$/);
    expect(bytes.length).toBeLessThan(400_000);
  });

  it('numbers a 续报 and names what changed', async () => {
    // given: a signed 首报 and a 续报 on it
    const number: string = (await as.lx_reporter!.post('/api/reports', firstReport({ severity: 'IV' }))).body.incidentNumber;
    await complete(as.lx_verifier!, number, 'verify', { decision: 'confirm' });
    await complete(as.lx_leader!, number, 'sign_off', { decision: 'approve' });
    await reportWhen(number, 'first', (r) => r.status !== 'signing');
    const followUp = await as.lx_reporter!.post(`/api/incidents/${number}/reports`, { kind: 'follow_up', progress: '16时许火势得到控制。', casualties: { injured: 3 } });
    expect(followUp.status, JSON.stringify(followUp.body)).toBe(201);

    // when
    const pdf = await readPdf(new Uint8Array(await (await pdfOf(as.lx_reporter!, followUp.body.reportId)).arrayBuffer()));

    // then
    expect(pdf.text).toContain(squeeze('（续报（第 1 次））'));
    expect(pdf.text).toContain('本次更新：受伤人数、最新进展');
    expect(pdf.text).toContain('最新进展：16时许火势得到控制。');
    expect(pdf.text).toContain('受伤3人');
  });

  it('is readable by exactly those who may read the dossier', async () => {
    // given: a 首报 of 临翔, signed off and delivered (the city duty office received it; 双江 did not)
    const number: string = (await as.lx_reporter!.post('/api/reports', firstReport())).body.incidentNumber;
    await complete(as.lx_verifier!, number, 'verify', { decision: 'confirm' });
    await complete(as.lx_leader!, number, 'sign_off', { decision: 'approve' });
    await waitForTask(as.lc_yjj_duty!, number, 'acknowledge_superior');
    const reportId = (await dossier(number)).reports[0]!.id;

    // then: for every user the PDF answers as the dossier does
    const anonymous = client(server.url);
    for (const user of [as.lx_reporter!, as.lx_leader!, as.lc_duty!, as.lc_yjj_duty!, as.admin!, as.sj_reporter!, as.designer!, anonymous]) {
      const read = (await user.get(`/api/incidents/${number}`)).status;
      const pdf = await pdfOf(user, reportId);
      expect(pdf.status, user.username).toBe(read);
      if (read !== 200) expect(pdf.headers.get('content-type'), user.username).toMatch(/problem\+json/);
    }
    expect((await pdfOf(as.sj_reporter!, reportId)).status).toBe(404);
    expect((await pdfOf(anonymous, reportId)).status).toBe(401);
    expect((await pdfOf(as.lc_duty!, reportId)).status).toBe(200);
    expect((await pdfOf(as.admin!, 'no-such-report')).status).toBe(404);
  });

  it('prints a 涉密 report as its placeholder only, never its content — even content stored against the rules', async () => {
    // given: a classified 首报 (the system keeps its record only), signed off
    const created = await as.lx_reporter!.post('/api/reports', {
      kind: 'first', classified: true, category: 'social_security', severity: 'III', occurredAt: ago(30), learnedAt: ago(20),
      reportingUnitId: 'lx-yjj', contact: { name: '李明', phone: '0883-2100001' },
      secureTransmission: { channel: 'confidential_bureau', handledBy: { name: '李明' }, sentAt: ago(10), documentNumber: '机要〔2026〕21号' },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const number: string = created.body.incidentNumber;
    await complete(as.lx_leader!, number, 'sign_off', { decision: 'approve' });
    const reportId = (await dossier(number)).reports[0]!.id;

    // when
    const pdf = await readPdf(new Uint8Array(await (await pdfOf(as.lx_reporter!, reportId)).arrayBuffer()));

    // then: the placeholder, the secure channel's record, who signed it
    for (const part of ['涉密信息（内容已经机要渠道报送）', '本报告涉密，内容已经机要渠道报送', '签发人：张伟', '机要渠道：机要局（机要通信）', '经办人：李明', '机要编号：机要〔2026〕21号', '事件类别及等级：社会安全事件，较大（Ⅲ级）']) {
      expect(pdf.text).toContain(squeeze(part));
    }
    for (const element of ['事件经过', '人员伤亡', '事发地点', '原因']) expect(pdf.text).not.toContain(element);

    // when: content somehow stood in the stored report (the schema refuses it; a bad import or a bug might not)
    const stored = (await server.deps.incidents.getReport(reportId))!;
    await server.deps.incidents.updateReportContent(reportId, { ...(stored.content as object), title: '绝密标题甲', course: '绝密经过乙', place: { divisionCode: '530902', address: '绝密地点丙' } });
    const leaked = await readPdf(new Uint8Array(await (await pdfOf(as.lx_reporter!, reportId)).arrayBuffer()));

    // then: still the placeholder only
    expect(leaked.text).not.toMatch(/绝密标题甲|绝密经过乙|绝密地点丙/);
    expect(leaked.text).toContain(squeeze('涉密信息（内容已经机要渠道报送）'));
  });

  it('has no document for a phone call record', async () => {
    // given: the city duty office records 临翔's phone call (the dossier's first entry)
    const phoned = await as.lc_duty!.post('/api/incidents/phone-reports', {
      callerName: '李明', callerPhone: '0883-2100001', callerUnitId: 'lx-yjj', calledAt: ago(5),
      summary: '马台乡帮东村后山发生森林火灾，2 人轻伤，正在扑救。', category: 'natural_disaster', severity: 'II', occurredAt: ago(25), learnedAt: ago(20),
    });
    expect(phoned.status, JSON.stringify(phoned.body)).toBe(201);
    const call = (await as.lc_duty!.get(`/api/incidents/${phoned.body.incidentNumber}`)).body.reports[0];
    expect(call.kind).toBe('phone');

    // when
    const response = await pdfOf(as.lc_duty!, call.id);

    // then
    expect(response.status).toBe(404);
    expect(((await response.json()) as { detail: string }).detail).toBe('电话报告记录和核报不是书面信息报告，没有可导出的文本');
  });

  it('is described in the OpenAPI document, with 时效统计’s export', async () => {
    const openapi = (await as.admin!.get('/api/openapi.json')).body;
    expect(Object.keys(openapi.paths)).toEqual(expect.arrayContaining(['/api/reports/{id}/pdf', '/api/stats/timeliness/export']));
    expect(openapi.paths['/api/reports/{id}/pdf'].get.parameters.map((p: { name: string }) => p.name)).toEqual(['id']);
    expect(openapi.paths['/api/stats/timeliness/export'].get.parameters.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(['from', 'to']));
  });
});
