import type { RunningServer } from '@kuaibao/api';
import type ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstReport, login, waitForTask, type Client } from './client';
import { completeInTurn, csv, PERSON_HEADER, xlsx } from './jurisdiction-sheet';
import { startTestServer } from './server';

/** 昆山市 (a county-level city of 苏州, like 太仓) as an office would fill the sheet in. */
const KUNSHAN_UNITS = [
  ['320583', '昆山市人民政府', '', '人民政府', '县级', '320583', '320500', '', '', '', '是'],
  ['320583-ZBS', '昆山市人民政府总值班室', '', '值班室', '县级', '320583', '320583', '', '', '', '是'],
  ['320583-YJ', '昆山市应急管理局', '', '部门', '县级', '320583', '320583', '320500-YJ', '320583', '', '是'],
];
const KUNSHAN_PEOPLE = [
  ['ks_reporter', '周敏', '320583-YJ', '信息员', '0512-57300001', '是'],
  ['ks_verifier', '许文', '320583-YJ', '核实人', '0512-57300002', '是'],
  ['ks_leader', '严华', '320583-YJ', '单位领导', '0512-57300003', '是'],
  ['ks_duty', '金花', '320583-ZBS', '值班员', '0512-57310001', '是'],
];

/** 导入导出 over HTTP (issue 18): a dry run of every row, an all-or-nothing apply, bad files refused with row and column. */
describe('importing a jurisdiction from a spreadsheet', () => {
  let server: RunningServer;
  let admin: Client;
  let lcAdmin: Client;

  beforeAll(async () => {
    server = await startTestServer();
    admin = await login(server.url, 'admin');
    lcAdmin = await login(server.url, 'lc_admin');
  });
  afterAll(() => server?.close());

  const unitCodes = async () => (await admin.get('/api/admin/org-units')).body.items.map((u: { code: string }) => u.code) as string[];
  const auditCount = async () => (await admin.get('/api/admin/audit?limit=500')).body.items.length as number;

  it('shows every row’s outcome in a dry run, writes nothing, then applies it all; the new unit’s 首报 reaches the city duty office', { timeout: 90_000 }, async () => {
    // given
    const files = [{ name: '昆山市.xlsx', content: await xlsx(KUNSHAN_UNITS, KUNSHAN_PEOPLE) }];

    // when
    const dry = await admin.post('/api/admin/import', { files, dryRun: true });

    // then
    expect(dry.status, JSON.stringify(dry.body)).toBe(200);
    expect(dry.body.problems).toEqual([{ table: 'people', row: null, column: null, message: '将新建 4 名人员：请设置初始密码（首次登录须修改）' }]);
    expect(dry.body.rows.map((r: { table: string; row: number; outcome: string }) => `${r.table}.${r.row}:${r.outcome}`)).toEqual([
      'units.2:create', 'units.3:create', 'units.4:create', 'people.2:create', 'people.3:create', 'people.4:create', 'people.5:create',
    ]);
    expect(await unitCodes()).not.toContain('320583');

    // when: applied with the initial password
    const applied = await admin.post('/api/admin/import', { files, dryRun: false, initialPassword: 'kunshan2026' });

    // then: the tree and the people are there, every route staffed, the accounts must change their password
    expect(applied.status, JSON.stringify(applied.body)).toBe(200);
    expect(applied.body).toMatchObject({ ok: true, applied: true, summary: { units: { create: 3 }, people: { create: 4 } } });
    expect((await admin.get('/api/admin/route-health?rootId=org-320583')).body).toMatchObject({ ok: true, checkedUnits: 1 });
    const as: Record<string, Client> = {};
    for (const name of ['ks_reporter', 'ks_verifier', 'ks_leader', 'sz_yjj_staff', 'ks_duty', 'sz_duty']) {
      as[name] = await login(server.url, name, name.startsWith('ks_') ? 'kunshan2026' : 'kuaibao2026');
      if (name.startsWith('ks_')) expect((await as[name]!.post('/api/auth/change-password', { currentPassword: 'kunshan2026', newPassword: 'kunshan2027' })).status).toBe(204);
    }
    const number: string = (await as.ks_reporter!.post('/api/reports', firstReport({ title: '昆山市某厂房火灾', reportingUnitId: 'org-320583-yj', place: { divisionCode: '320583', address: '昆山市玉山镇' } }))).body.incidentNumber;
    await completeInTurn(number, [
      [as.ks_verifier!, 'verify', { decision: 'confirm' }], [as.ks_leader!, 'sign_off', { decision: 'approve' }], [as.sz_yjj_staff!, 'acknowledge_superior', {}],
      [as.ks_duty!, 'acknowledge_government', {}], [as.sz_duty!, 'receive_city', {}],
    ]);
  });

  it('exports what it imported, and the export imported again changes nothing', async () => {
    const exported = await fetch(`${server.url}/api/admin/export?rootId=org-320583`, { headers: { cookie: admin.cookie } });
    expect(exported.status, exported.status === 200 ? '' : await exported.text()).toBe(200);
    expect(exported.headers.get('content-type')).toContain('spreadsheetml');
    const content = Buffer.from(await exported.arrayBuffer()).toString('base64');
    const again = await admin.post('/api/admin/import', { files: [{ name: 'export.xlsx', content }], dryRun: true });
    expect(again.body.ok).toBe(true);
    expect(again.body.summary).toEqual({ units: { create: 0, update: 0, unchanged: 3, error: 0 }, people: { create: 0, update: 0, unchanged: 4, error: 0 } });
    const people = await fetch(`${server.url}/api/admin/export?rootId=org-320583&format=csv&table=people`, { headers: { cookie: admin.cookie } });
    expect((await people.text()).split(/\r?\n/)).toContain('ks_duty,金花,320583-ZBS,值班员,0512-57310001,是');
  });

  it('refuses wrong columns, formulas, too many rows, a wrong file type and bad rows with their row and column, writing nothing', { timeout: 90_000 }, async () => {
    const before = { codes: await unitCodes(), audit: await auditCount() };
    const problemsOf = async (files: { name: string; content: string }[]) => (await admin.post('/api/admin/import', { files, dryRun: true })).body;

    const columns = await problemsOf([{ name: 'units.csv', content: csv([['单位编码', '单位名称', '单位类型'], ['320584', '某市', '人民政府']]) }]);
    expect(columns.ok).toBe(false);
    expect(columns.problems).toEqual(expect.arrayContaining([{ table: 'units', row: 1, column: '名称', message: '单位表缺少列“名称”' }, expect.objectContaining({ row: 1, column: '单位名称' })]));

    const formula = await problemsOf([{ name: 'f.xlsx', content: await xlsx(KUNSHAN_UNITS.slice(0, 1).map((r) => ['320581', ...r.slice(1)]), [], (book) => {
      book.getWorksheet('单位')!.getCell('B2').value = { formula: 'CONCAT("常熟","市")', result: '常熟市' } as ExcelJS.CellFormulaValue;
    }) }]);
    expect(formula.rows[0].errors).toEqual(expect.arrayContaining([{ column: '名称', message: '第 2 行“名称”是公式：请只填写值' }]));
    const injected = await problemsOf([{ name: 'people.csv', content: csv([PERSON_HEADER, ['cs_x', '=HYPERLINK("x")', '320583-YJ', '信息员', '', '是']]) }]);
    expect(injected.rows[0].errors[0]).toMatchObject({ column: '姓名' });

    const huge = await problemsOf([{ name: 'big.csv', content: csv([PERSON_HEADER, ...Array.from({ length: 100_000 }, (_, i) => [`u${i}`, '张三', '320583-YJ', '信息员', '', '是'])]) }]);
    expect(huge.problems[0].message).toBe('人员表有 100000 行，超过上限 20000 行：请分批导入');
    const pdf = await problemsOf([{ name: 'org.pdf', content: Buffer.from('%PDF-1.4').toString('base64') }, { name: 'fake.xlsx', content: Buffer.from('单位编码,名称').toString('base64') }]);
    expect(pdf.problems.map((p: { message: string }) => p.message)).toEqual(['文件“org.pdf”不是受支持的类型：请上传 .xlsx 或 .csv 文件', '文件“fake.xlsx”不是受支持的类型：请上传 .xlsx 或 .csv 文件']);

    // rows that break the rules: a parent nobody knows, an unknown role, a cycle, a username of another jurisdiction
    const bad = await admin.post('/api/admin/import', {
      dryRun: false, initialPassword: 'kunshan2026',
      files: [{ name: 'bad.xlsx', content: await xlsx(
        [['320581', '常熟市人民政府', '', '人民政府', '县级', '320581', '320599', '', '', '', '是'], ['320585', '太仓市人民政府', '', '人民政府', '县级', '320585', '320585-YJ', '', '', '', '是']],
        [['cs_reporter', '陈立', '320581', '市长', '', '是']],
      ) }],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path)).toEqual(expect.arrayContaining(['units.2.上级单位编码', 'units.3.上级单位编码', 'people.2.角色']));
    expect(bad.body.detail).toMatch(/^导入未执行：共 \d+ 处错误，未写入任何数据$/);
    const outOfScope = await lcAdmin.post('/api/admin/import', { dryRun: true, files: [{ name: 'p.csv', content: csv([PERSON_HEADER, ['tc_reporter', '钱进', '530902-YJ', '信息员', '', '是']]) }] });
    expect(outOfScope.body.rows[0].errors[0]).toMatchObject({ column: '用户名' });
    expect({ codes: await unitCodes(), audit: await auditCount() }).toEqual(before);
  });
  it('refuses a file that takes a role from the last person an open task waits on, naming the task; a file that hands it over applies', { timeout: 90_000 }, async () => {
    // given: a 昆山 report waits for 核实, and ks_verifier is the only 核实人 of 昆山市应急管理局
    const reporter = await login(server.url, 'ks_reporter', 'kunshan2027');
    const number: string = (await reporter.post('/api/reports', firstReport({ title: '昆山市某仓库火灾', reportingUnitId: 'org-320583-yj', place: { divisionCode: '320583', address: '昆山市周市镇' } }))).body.incidentNumber;
    await waitForTask(await login(server.url, 'ks_verifier', 'kunshan2027'), number, 'verify');
    const takeRole = [['ks_verifier', '许文', '320583-YJ', '信息员', '0512-57300002', '是']];
    const before = await auditCount();

    // when: a file takes the role away (dry run, then apply)
    const dry = await admin.post('/api/admin/import', { dryRun: true, files: [{ name: 'roles.csv', content: csv([PERSON_HEADER, ...takeRole]) }] });
    const refused = await admin.post('/api/admin/import', { dryRun: false, files: [{ name: 'roles.csv', content: csv([PERSON_HEADER, ...takeRole]) }] });

    // then: the row names the waiting task; nothing is written
    expect(dry.body.ok).toBe(false);
    expect(dry.body.rows[0]).toMatchObject({ row: 2, outcome: 'error', errors: [{ column: '角色', message: expect.stringContaining(`许文是以下待办任务的最后一位办理人，请先为其他人员分配相应角色：${number}`) }] });
    expect(refused.status).toBe(400);
    expect(refused.body.errors.map((e: { path: string }) => e.path)).toEqual(['people.2.角色']);
    expect(await auditCount()).toBe(before);

    // when: the same file also gives the role to a newcomer, so someone still holds it
    const handOver = await admin.post('/api/admin/import', {
      dryRun: false, initialPassword: 'kunshan2026',
      files: [{ name: 'roles.csv', content: csv([PERSON_HEADER, ...takeRole, ['ks_verifier2', '陆云', '320583-YJ', '核实人', '', '是']]) }],
    });

    // then: it applies, and the newcomer can act on the task
    expect(handOver.status, JSON.stringify(handOver.body)).toBe(200);
    expect(handOver.body.summary.people).toMatchObject({ create: 1, update: 1 });
    const newcomer = await login(server.url, 'ks_verifier2', 'kunshan2026');
    expect((await newcomer.post('/api/auth/change-password', { currentPassword: 'kunshan2026', newPassword: 'kunshan2027' })).status).toBe(204);
    await waitForTask(newcomer, number, 'verify');
  });
});
