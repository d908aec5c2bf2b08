import type { OrgUnitSeed, UserSeed } from './factories';

/**
 * The demo jurisdictions of seeds 001 (太仓), 002 (山西) and 004 (许昌) beside 临沧 (000, demo-lincang.ts): each a
 * province → city → county chain with its governments, duty offices and 应急管理 departments, and people in every role
 * each route needs (信息员, 核实人, 单位领导 at each reporting department; a 值班员 wherever a report is received), so that
 * the route check (docs/adr/0029) finds no gap and every route can be walked to the end.
 */
export interface DemoJurisdiction {
  /** The seed and policy (processes/jurisdictions/<policy>). */
  seed: string;
  policy: string;
  units: OrgUnitSeed[];
  users: Omit<UserSeed, 'password'>[];
}

interface Level {
  key: string;
  code: string;
  /** The government's name without 人民政府 (太仓市). */
  name: string;
  nameEn: string;
}

/** Government, its 总值班室, its 应急管理 department (厅 at province level, 局 below) for each level, linked as the tree rules want. */
function chainUnits(province: Level, city: Level, county: Level): OrgUnitSeed[] {
  const levels = [
    { ...province, level: 'province' as const, parent: null, superior: null },
    { ...city, level: 'city' as const, parent: province.key, superior: `${province.key}-yjt` },
    { ...county, level: 'county' as const, parent: city.key, superior: `${city.key}-yjj` },
  ];
  return levels.flatMap(({ key, code, name, nameEn, level, parent, superior }) => {
    const department = level === 'province' ? `${key}-yjt` : `${key}-yjj`;
    return [
      { id: `${key}-gov`, code, name: `${name}人民政府`, nameEn: `${nameEn} Government`, kind: 'government', level, parentId: parent && `${parent}-gov`, divisionCode: code },
      { id: `${key}-duty`, code: `${code}-ZBS`, name: `${name}人民政府总值班室`, nameEn: `${nameEn} Government Duty Office`, kind: 'duty_office', level, parentId: `${key}-gov`, divisionCode: code },
      {
        id: department, code: `${code}-YJ`, name: `${name}应急管理${level === 'province' ? '厅' : '局'}`, nameEn: `${nameEn} Emergency Management ${level === 'province' ? 'Department' : 'Bureau'}`,
        kind: 'department', level, parentId: `${key}-gov`, superiorDepartmentId: superior, sameLevelGovernmentId: `${key}-gov`, divisionCode: code,
      },
    ] satisfies OrgUnitSeed[];
  });
}

type Person = [username: string, displayName: string, unitId: string, roles: string[], phone: string];
const people = (list: Person[]) => list.map(([username, displayName, unitId, roles, phone]) => ({ username, displayName, unitId, roles, phone }));

export const TAICANG: DemoJurisdiction = {
  seed: '001',
  policy: '320585',
  units: chainUnits(
    { key: 'js', code: '320000', name: '江苏省', nameEn: 'Jiangsu Provincial' },
    { key: 'sz', code: '320500', name: '苏州市', nameEn: 'Suzhou Municipal' },
    { key: 'tc', code: '320585', name: '太仓市', nameEn: 'Taicang Municipal' },
  ),
  users: people([
    ['tc_reporter', '钱进', 'tc-yjj', ['reporter'], '0512-53500001'],
    ['tc_verifier', '顾玲', 'tc-yjj', ['verifier'], '0512-53500002'],
    ['tc_leader', '陆建国', 'tc-yjj', ['leader'], '0512-53500003'],
    ['tc_duty', '沈佳', 'tc-duty', ['duty_officer'], '0512-53510001'],
    ['tc_admin', '徐斌', 'tc-duty', ['admin'], '0512-53510009'],
    ['sz_yjj_staff', '朱琳', 'sz-yjj', ['reporter', 'verifier', 'duty_officer'], '0512-65200001'],
    ['sz_yjj_leader', '吴国强', 'sz-yjj', ['leader'], '0512-65200002'],
    ['sz_duty', '潘静', 'sz-duty', ['duty_officer'], '0512-65210001'],
    ['sz_duty_leader', '蔡明', 'sz-duty', ['duty_officer', 'leader'], '0512-65210002'],
    ['js_yjt_duty', '孔亮', 'js-yjt', ['duty_officer'], '025-83300001'],
  ]),
};

export const SHANXI: DemoJurisdiction = {
  seed: '002',
  policy: '140000',
  units: chainUnits(
    { key: 'shx', code: '140000', name: '山西省', nameEn: 'Shanxi Provincial' },
    { key: 'ty', code: '140100', name: '太原市', nameEn: 'Taiyuan Municipal' },
    { key: 'xd', code: '140105', name: '小店区', nameEn: 'Xiaodian District' },
  ),
  users: people([
    ['xd_reporter', '郝晓东', 'xd-yjj', ['reporter'], '0351-7000001'],
    ['xd_verifier', '阎丽', 'xd-yjj', ['verifier'], '0351-7000002'],
    ['xd_leader', '武志刚', 'xd-yjj', ['leader'], '0351-7000003'],
    ['xd_duty', '常红', 'xd-duty', ['duty_officer'], '0351-7010001'],
    ['ty_yjj_staff', '贾文', 'ty-yjj', ['reporter', 'verifier', 'duty_officer'], '0351-4000001'],
    ['ty_yjj_leader', '霍军', 'ty-yjj', ['leader'], '0351-4000002'],
    ['ty_duty', '乔芳', 'ty-duty', ['duty_officer'], '0351-4010001'],
    ['shx_yjt_duty', '薛峰', 'shx-yjt', ['duty_officer'], '0351-3000001'],
    ['shx_duty', '田野', 'shx-duty', ['duty_officer'], '0351-3010001'],
    ['shx_admin', '白云', 'shx-duty', ['admin'], '0351-3010009'],
  ]),
};

export const XUCHANG: DemoJurisdiction = {
  seed: '004',
  policy: '411000',
  units: chainUnits(
    { key: 'hn', code: '410000', name: '河南省', nameEn: 'Henan Provincial' },
    { key: 'xc', code: '411000', name: '许昌市', nameEn: 'Xuchang Municipal' },
    { key: 'wd', code: '411002', name: '魏都区', nameEn: 'Weidu District' },
  ),
  users: people([
    ['wd_reporter', '牛磊', 'wd-yjj', ['reporter'], '0374-2900001'],
    ['wd_verifier', '范晶', 'wd-yjj', ['verifier'], '0374-2900002'],
    ['wd_leader', '娄宏伟', 'wd-yjj', ['leader'], '0374-2900003'],
    ['wd_duty', '庞丽', 'wd-duty', ['duty_officer'], '0374-2910001'],
    // 许昌市应急管理局 reports to the province only after the city duty office cleared it (004: no 信息倒流)
    ['xc_yjj_reporter', '耿亮', 'xc-yjj', ['reporter', 'duty_officer'], '0374-2300001'],
    ['xc_yjj_verifier', '殷悦', 'xc-yjj', ['verifier'], '0374-2300002'],
    ['xc_yjj_leader', '秦国栋', 'xc-yjj', ['leader'], '0374-2300003'],
    ['xc_duty', '付娟', 'xc-duty', ['duty_officer'], '0374-2310001'],
    ['xc_duty_leader', '申建华', 'xc-duty', ['duty_officer', 'leader'], '0374-2310002'],
    ['xc_admin', '卢斌', 'xc-duty', ['admin'], '0374-2310009'],
    ['hn_yjt_duty', '司马强', 'hn-yjt', ['duty_officer'], '0371-6500001'],
  ]),
};

export const DEMO_JURISDICTIONS: DemoJurisdiction[] = [TAICANG, SHANXI, XUCHANG];
