import type { PrismaClient } from '@prisma/client';
import { seedDemoDuty } from './demo-duty';
import { DEMO_HOLIDAYS, seedHolidayPeriod } from './demo-holidays';
import { DEMO_JURISDICTIONS } from './demo-jurisdictions';
import { seedOrgUnits, seedUser, type HashPassword, type OrgUnitSeed, type UserSeed } from './factories';

/**
 * Demo jurisdiction from the seed notices (000: 临沧市): the province above, the city with its duty
 * office and departments, and two counties (临翔区, 双江县) with theirs. Ids are stable so tests and
 * the README can name them.
 */
export const LINCANG_UNITS: OrgUnitSeed[] = [
  { id: 'yn-gov', code: '530000', name: '云南省人民政府', nameEn: 'Yunnan Provincial Government', kind: 'government', level: 'province', divisionCode: '530000' },
  { id: 'yn-duty', code: '530000-ZBS', name: '云南省人民政府总值班室', nameEn: 'Yunnan Government Duty Office', kind: 'duty_office', level: 'province', parentId: 'yn-gov', divisionCode: '530000' },
  { id: 'yn-yjt', code: '530000-YJ', name: '云南省应急管理厅', nameEn: 'Yunnan Emergency Management Department', kind: 'department', level: 'province', parentId: 'yn-gov', sameLevelGovernmentId: 'yn-gov', divisionCode: '530000' },
  { id: 'yn-ga', code: '530000-GA', name: '云南省公安厅', nameEn: 'Yunnan Public Security Department', kind: 'department', level: 'province', parentId: 'yn-gov', sameLevelGovernmentId: 'yn-gov', divisionCode: '530000' },
  { id: 'lc-gov', code: '530900', name: '临沧市人民政府', nameEn: 'Lincang Municipal Government', kind: 'government', level: 'city', parentId: 'yn-gov', divisionCode: '530900' },
  { id: 'lc-duty', code: '530900-ZBS', name: '临沧市人民政府总值班室', nameEn: 'Lincang Government Duty Office', kind: 'duty_office', level: 'city', parentId: 'lc-gov', divisionCode: '530900' },
  { id: 'lc-yjj', code: '530900-YJ', name: '临沧市应急管理局', nameEn: 'Lincang Emergency Management Bureau', kind: 'department', level: 'city', parentId: 'lc-gov', superiorDepartmentId: 'yn-yjt', sameLevelGovernmentId: 'lc-gov', divisionCode: '530900' },
  { id: 'lc-slga', code: '530900-SLGA', name: '临沧市森林公安局', nameEn: 'Lincang Forest Public Security Bureau', kind: 'department', level: 'city', parentId: 'lc-gov', superiorDepartmentId: 'yn-ga', sameLevelGovernmentId: 'lc-gov', divisionCode: '530900' },
  { id: 'lx-gov', code: '530902', name: '临翔区人民政府', nameEn: 'Linxiang District Government', kind: 'government', level: 'county', parentId: 'lc-gov', divisionCode: '530902' },
  { id: 'lx-duty', code: '530902-ZBS', name: '临翔区人民政府总值班室', nameEn: 'Linxiang Government Duty Office', kind: 'duty_office', level: 'county', parentId: 'lx-gov', divisionCode: '530902' },
  { id: 'lx-yjj', code: '530902-YJ', name: '临翔区应急管理局', nameEn: 'Linxiang Emergency Management Bureau', kind: 'department', level: 'county', parentId: 'lx-gov', superiorDepartmentId: 'lc-yjj', sameLevelGovernmentId: 'lx-gov', divisionCode: '530902' },
  { id: 'sj-gov', code: '530925', name: '双江拉祜族佤族布朗族傣族自治县人民政府', nameEn: 'Shuangjiang County Government', kind: 'government', level: 'county', parentId: 'lc-gov', divisionCode: '530925' },
  { id: 'sj-duty', code: '530925-ZBS', name: '双江县人民政府总值班室', nameEn: 'Shuangjiang Government Duty Office', kind: 'duty_office', level: 'county', parentId: 'sj-gov', divisionCode: '530925' },
  { id: 'sj-yjj', code: '530925-YJ', name: '双江县应急管理局', nameEn: 'Shuangjiang Emergency Management Bureau', kind: 'department', level: 'county', parentId: 'sj-gov', superiorDepartmentId: 'lc-yjj', sameLevelGovernmentId: 'sj-gov', divisionCode: '530925' },
  { id: 'sj-slga', code: '530925-SLGA', name: '双江县森林公安局', nameEn: 'Shuangjiang Forest Public Security Bureau', kind: 'department', level: 'county', parentId: 'sj-gov', superiorDepartmentId: 'lc-slga', sameLevelGovernmentId: 'sj-gov', divisionCode: '530925' },
];

/** The demo password of every demo account (README: 演示账号). */
export const DEMO_PASSWORD = 'kuaibao2026';

export const LINCANG_USERS: Omit<UserSeed, 'password'>[] = [
  { username: 'lx_reporter', displayName: '李明', unitId: 'lx-yjj', roles: ['reporter'], phone: '0883-2100001' },
  { username: 'lx_verifier', displayName: '王芳', unitId: 'lx-yjj', roles: ['verifier'], phone: '0883-2100002' },
  { username: 'lx_leader', displayName: '张伟', unitId: 'lx-yjj', roles: ['leader'], phone: '0883-2100003' },
  { username: 'lx_duty', displayName: '陈静', unitId: 'lx-duty', roles: ['duty_officer'], phone: '0883-2100010' },
  { username: 'lc_yjj_duty', displayName: '刘洋', unitId: 'lc-yjj', roles: ['duty_officer'], phone: '0883-2200001' },
  { username: 'lc_duty', displayName: '杨帆', unitId: 'lc-duty', roles: ['duty_officer'], phone: '0883-2300001' },
  { username: 'lc_duty_leader', displayName: '黄磊', unitId: 'lc-duty', roles: ['duty_officer', 'leader'], phone: '0883-2300002' },
  { username: 'sj_reporter', displayName: '赵磊', unitId: 'sj-yjj', roles: ['reporter'], phone: '0883-7700001' },
  { username: 'sj_verifier', displayName: '孙丽', unitId: 'sj-yjj', roles: ['verifier'], phone: '0883-7700002' },
  { username: 'sj_leader', displayName: '周强', unitId: 'sj-yjj', roles: ['leader'], phone: '0883-7700003' },
  { username: 'sj_slga_reporter', displayName: '马超', unitId: 'sj-slga', roles: ['reporter', 'verifier'], phone: '0883-7700020' },
  // 双江县森林公安局's reports were never signed off without a leader (issue 18)
  { username: 'sj_slga_leader', displayName: '罗斌', unitId: 'sj-slga', roles: ['leader'], phone: '0883-7700021' },
  { username: 'sj_duty', displayName: '郑红', unitId: 'sj-duty', roles: ['duty_officer'], phone: '0883-7700010' },
  { username: 'lc_yjj_staff', displayName: '蒋涛', unitId: 'lc-yjj', roles: ['reporter', 'verifier'], phone: '0883-2200002' },
  { username: 'lc_yjj_leader', displayName: '邓华', unitId: 'lc-yjj', roles: ['leader'], phone: '0883-2200003' },
  // 临沧市森林公安局 and the province's units had nobody to receive (签收) what reaches them (issue 18)
  { username: 'lc_slga_staff', displayName: '段勇', unitId: 'lc-slga', roles: ['reporter', 'verifier', 'duty_officer'], phone: '0883-2400001' },
  { username: 'lc_slga_leader', displayName: '毕刚', unitId: 'lc-slga', roles: ['leader'], phone: '0883-2400002' },
  { username: 'yn_yjt_duty', displayName: '尹洁', unitId: 'yn-yjt', roles: ['duty_officer'], phone: '0871-6300001' },
  { username: 'yn_ga_duty', displayName: '普文', unitId: 'yn-ga', roles: ['duty_officer'], phone: '0871-6300002' },
  { username: 'yn_duty', displayName: '李娜', unitId: 'yn-duty', roles: ['duty_officer'], phone: '0871-6300003' },
  { username: 'designer', displayName: '吴敏', unitId: 'lc-yjj', roles: ['designer'], phone: '0883-2200009' },
  // 系统管理员 of the whole installation, and 临沧市's own 管理员 (临沧市 and below; docs/adr/0028)
  { username: 'admin', displayName: '何军', unitId: 'lc-duty', roles: ['admin', 'system_admin'], phone: '0883-2300009' },
  { username: 'lc_admin', displayName: '鲁平', unitId: 'lc-duty', roles: ['admin'], phone: '0883-2300008' },
];

/** Loads the four demo jurisdictions (临沧, 太仓, 山西, 许昌) unless users exist already (first start only). Returns whether it loaded. */
export async function loadDemoData(prisma: PrismaClient, hashPassword: HashPassword): Promise<boolean> {
  if ((await prisma.appUser.count()) > 0) return false;
  await seedOrgUnits(prisma, DEMO_UNITS);
  // One hash for every demo account: argon2 takes tens of milliseconds, and they share the demo password
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const user of DEMO_USERS) await seedUser(prisma, { ...user, password: DEMO_PASSWORD }, async () => passwordHash);
  await seedDemoDuty(prisma, new Date());
  for (const holiday of DEMO_HOLIDAYS) await seedHolidayPeriod(prisma, holiday);
  return true;
}

/** Every demo unit and account: 临沧 (000) and the jurisdictions of seeds 001, 002 and 004 (README: 演示账号). */
export const DEMO_UNITS: OrgUnitSeed[] = [...LINCANG_UNITS, ...DEMO_JURISDICTIONS.flatMap((j) => j.units)];
export const DEMO_USERS: Omit<UserSeed, 'password'>[] = [...LINCANG_USERS, ...DEMO_JURISDICTIONS.flatMap((j) => j.users)];
