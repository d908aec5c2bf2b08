import { hashPassword, type RunningServer } from '@kuaibao/api';
import { seedOrgUnits, seedUser, type OrgUnitSeed } from '@kuaibao/db';

/**
 * 许昌 (seed 004) beside the 临沧 demo tree: the city emergency bureau reports to the provincial department, and
 * the 许昌 policy asks the city duty office's approval before anything goes to the province (no 信息倒流).
 */
const XUCHANG_UNITS: OrgUnitSeed[] = [
  { id: 'hn-gov', code: '410000', name: '河南省人民政府', kind: 'government', level: 'province', divisionCode: '410000' },
  { id: 'hn-yjt', code: '410000-YJ', name: '河南省应急管理厅', kind: 'department', level: 'province', parentId: 'hn-gov', sameLevelGovernmentId: 'hn-gov', divisionCode: '410000' },
  { id: 'xc-gov', code: '411000', name: '许昌市人民政府', kind: 'government', level: 'city', parentId: 'hn-gov', divisionCode: '411000' },
  { id: 'xc-duty', code: '411000-ZBS', name: '许昌市人民政府总值班室', kind: 'duty_office', level: 'city', parentId: 'xc-gov', divisionCode: '411000' },
  { id: 'xc-yjj', code: '411000-YJ', name: '许昌市应急管理局', kind: 'department', level: 'city', parentId: 'xc-gov', superiorDepartmentId: 'hn-yjt', sameLevelGovernmentId: 'xc-gov', divisionCode: '411000' },
];

const XUCHANG_USERS = [
  { username: 'xc_reporter', displayName: '许信息员', unitId: 'xc-yjj', roles: ['reporter'], phone: '0374-2960001' },
  { username: 'xc_verifier', displayName: '许核实人', unitId: 'xc-yjj', roles: ['verifier'], phone: '0374-2960002' },
  { username: 'xc_leader', displayName: '许领导', unitId: 'xc-yjj', roles: ['leader'], phone: '0374-2960003' },
  { username: 'xc_duty', displayName: '许值班员', unitId: 'xc-duty', roles: ['duty_officer'], phone: '0374-2960010' },
  { username: 'hn_yjt_duty', displayName: '豫厅值班员', unitId: 'hn-yjt', roles: ['duty_officer'], phone: '0371-6590001' },
];

export async function seedXuchang(server: RunningServer) {
  await seedOrgUnits(server.deps.db.prisma, XUCHANG_UNITS);
  for (const user of XUCHANG_USERS) await seedUser(server.deps.db.prisma, { ...user, password: 'kuaibao2026' }, hashPassword);
}

/** A 许昌 city bureau's 首报. */
export const xuchangReport = {
  title: '许昌市建安区一化工厂发生火灾',
  place: { divisionCode: '411003', address: '许昌市建安区某化工园区' },
  reportingUnitId: 'xc-yjj',
  contact: { name: '许信息员', phone: '0374-2960001' },
};
