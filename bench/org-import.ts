/**
 * `npm run bench -- org_import [--cities 20] [--people 2000]`
 * Issue 18: a system admin imports a whole jurisdiction from one XLSX file over HTTP — a province with `cities` cities,
 * each with 4 counties, every level a government, its 总值班室 and its 应急管理 department (3 + 15 × cities units: 303 for 20),
 * and `people` people spread over those units — first as a dry run (every row checked, nothing written), then applied
 * (all or nothing, one transaction with the admin trail). Goal: each ≤ 10 s (`org_import_s` is the slower of the two).
 */
import { parseArgs } from 'node:util';
import ExcelJS from 'exceljs';
import { login } from '../test/api/client';
import { runBenchmark, withBenchServer } from './lib/bench-server';
import { emitResult } from './lib/stats';

const { values } = parseArgs({ options: { cities: { type: 'string', default: '20' }, people: { type: 'string', default: '2000' } } });
const log = (message: string) => process.stderr.write(`[org_import] ${message}\n`);
const SURNAMES = '赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华';

async function workbook(cities: number, peopleCount: number): Promise<string> {
  const units: string[][] = [];
  const level = (code: string, name: string, levelName: string, parent: string, superior: string) => {
    units.push([code, `${name}人民政府`, '', '人民政府', levelName, code, parent, '', '', '', '是']);
    units.push([`${code}-ZBS`, `${name}人民政府总值班室`, '', '值班室', levelName, code, code, '', '', '', '是']);
    units.push([`${code}-YJ`, `${name}应急管理${levelName === '省级' ? '厅' : '局'}`, '', '部门', levelName, code, code, superior, code, '', '是']);
  };
  level('620000', '甘肃省', '省级', '', '');
  for (let c = 1; c <= cities; c++) {
    const city = `62${String(c).padStart(2, '0')}00`;
    level(city, `第${c}市`, '市级', '620000', '620000-YJ');
    for (let k = 1; k <= 4; k++) level(`${city.slice(0, 4)}${String(k).padStart(2, '0')}`, `第${c}市第${k}县`, '县级', city, `${city}-YJ`);
  }
  const departments = units.filter((u) => u[3] === '部门' && u[4] !== '省级').map((u) => u[0]!);
  const offices = units.filter((u) => u[3] === '值班室' || (u[3] === '部门' && u[4] === '省级')).map((u) => u[0]!);
  const people: string[][] = [];
  // every reporting department: 信息员, 核实人, 单位领导, 值班员; every office one 值班员; the rest spread evenly
  const slots: [string, string][] = [...departments.flatMap((d) => ['信息员', '核实人', '单位领导', '值班员'].map((r) => [d, r] as [string, string])), ...offices.map((o) => [o, '值班员'] as [string, string])];
  for (let i = 0; i < peopleCount; i++) {
    const [unit, role] = slots[i % slots.length]!;
    const name = `${SURNAMES[i % SURNAMES.length]}${GIVEN[Math.floor(i / SURNAMES.length) % GIVEN.length]}${GIVEN[Math.floor(i / 7) % GIVEN.length]}`;
    people.push([`gs_${String(i).padStart(5, '0')}`, name, unit, role, `139${String(i).padStart(8, '0')}`, '是']);
  }
  const book = new ExcelJS.Workbook();
  book.addWorksheet('单位').addRows([['单位编码', '名称', '英文名称', '单位类型', '层级', '行政区划代码', '上级单位编码', '上级主管部门编码', '同级政府编码', '受理值班室编码', '启用'], ...units]);
  book.addWorksheet('人员').addRows([['用户名', '姓名', '所属单位编码', '角色', '电话', '启用'], ...people]);
  log(`${units.length} units, ${people.length} people`);
  return Buffer.from(await book.xlsx.writeBuffer()).toString('base64');
}

runBenchmark(() =>
  withBenchServer('org_import', { BODY_LIMIT: '64kb' }, async (server, db) => {
    const content = await workbook(Number(values.cities), Number(values.people));
    const admin = await login(server.url, 'admin');
    const files = [{ name: 'gansu.xlsx', content }];
    const time = async (dryRun: boolean) => {
      const started = performance.now();
      const response = await admin.post('/api/admin/import', { files, dryRun, initialPassword: 'gansu2026' });
      const seconds = (performance.now() - started) / 1000;
      if (response.status !== 200 || !response.body.ok) throw new Error(`import (dryRun ${dryRun}): ${response.status} ${JSON.stringify(response.body).slice(0, 2000)}`);
      log(`${dryRun ? 'dry run' : 'apply'}: ${seconds.toFixed(2)} s ${JSON.stringify(response.body.summary)}`);
      return { seconds, summary: response.body.summary };
    };
    const dry = await time(true);
    const apply = await time(false);
    const health = await admin.get('/api/admin/route-health?rootId=org-620000');
    emitResult('org_import', {
      org_import_s: Math.max(dry.seconds, apply.seconds),
      org_import_dry_run_s: dry.seconds,
      org_import_apply_s: apply.seconds,
      org_import_units: apply.summary.units.create,
      org_import_people: apply.summary.people.create,
      org_import_route_gaps: health.body.gaps?.length ?? null,
      database: db.kind,
    });
  }),
);
