import { describe, expect, it } from 'vitest';
import { makeOrgTreeSchema } from './org-tree-schema';
import { routeHealth, type RoutePolicy } from './route-health';
import { lincangTree } from './test-support/lincang-tree';

const lincang: RoutePolicy = { code: '530900', directToCityDutyOfficeWhenUrgent: true, requiresCityApprovalForProvince: false };
const staff = (unitId: string, ...roles: string[]) => ({ unitId, roles, active: true });
/** The 临沧 demo tree's people before issue 18: 双江县森林公安局 without a leader, 临沧市森林公安局 with nobody. */
const people = [
  staff('lx-yjj', 'reporter', 'verifier', 'leader'), staff('sj-yjj', 'reporter', 'verifier', 'leader'), staff('sj-slga', 'reporter', 'verifier'),
  staff('lx-duty', 'duty_officer'), staff('sj-duty', 'duty_officer'), staff('lc-duty', 'duty_officer'), staff('lc-yjj', 'duty_officer'),
];

describe('routeHealth', () => {
  it('names each step nobody can take, in Chinese and English', () => {
    // given: the 临沧 tree, 临沧市森林公安局 under the province's 公安厅-less tree (no superior: a tree gap)
    const units = lincangTree();

    // when
    const health = routeHealth({ units, people, policyFor: () => lincang, reportingUnitIds: ['lx-yjj', 'sj-yjj', 'sj-slga'] });

    // then
    const zh = health.gaps.map((g) => g.message['zh-CN']);
    expect(health.checkedUnits).toBe(3);
    expect(zh).toContain('双江县森林公安局：无单位领导，本单位报告无法审签');
    expect(zh).toContain('临沧市森林公安局：无值班员，双江县森林公安局的报告无法签收（上级主管部门）');
    expect(health.gaps.find((g) => g.unitId === 'sj-slga' && g.step === 'signOff')).toMatchObject({ role: 'leader', grades: ['I', 'II', 'III', 'IV', 'ungraded'] });
    expect(health.gaps.find((g) => g.step === 'signOff')!.message.en).toBe("双江县森林公安局: no unit leader, the unit's reports cannot be signed off");
    expect(health.gaps.filter((g) => g.unitId === 'lx-yjj' || g.unitId === 'sj-yjj')).toEqual([]);
  });

  it('checks the 越级 copy only for urgent grades and the 004 approval for a provincial superior', () => {
    // given: nobody at the city duty office; 许昌-like policy
    const units = lincangTree();
    const xuchang: RoutePolicy = { code: '411000', directToCityDutyOfficeWhenUrgent: true, requiresCityApprovalForProvince: true };
    const withoutCityDuty = [...people.filter((p) => p.unitId !== 'lc-duty'), staff('yn-yjt', 'duty_officer'), staff('lc-yjj', 'reporter', 'verifier', 'leader', 'duty_officer')];

    // when
    const health = routeHealth({ units, people: withoutCityDuty, policyFor: () => xuchang, reportingUnitIds: ['lc-yjj'] });

    // then
    const steps = Object.fromEntries(health.gaps.map((g) => [g.step, g.grades]));
    expect(steps.direct).toEqual(['I', 'II']); // 较大 goes up only once verified (000 三（二）一, ADR 0030)
    expect(steps.upwardApproval).toEqual(['I', 'II', 'III', 'IV', 'ungraded']);
    expect(health.gaps.find((g) => g.step === 'upwardApproval')!.message['zh-CN']).toBe('临沧市人民政府总值班室：无值班员，临沧市应急管理局的报告无法核准上报省级部门');
  });

  it('finds a person who is inactive, or a unit that is, as missing', () => {
    const units = lincangTree().map((u) => (u.id === 'lx-duty' ? { ...u, active: false } : u));
    const health = routeHealth({ units, people: [...people, staff('lc-slga', 'duty_officer')].map((p) => (p.unitId === 'lx-yjj' ? { ...p, active: false } : p)), policyFor: () => lincang, reportingUnitIds: ['lx-yjj'] });
    expect(health.gaps.map((g) => `${g.unitId}:${g.step}`)).toEqual(expect.arrayContaining(['lx-yjj:submit', 'lx-yjj:verify', 'lx-yjj:signOff', 'lx-duty:governmentReceipt']));
  });
});

describe('the tree rules of admin changes', () => {
  const problems = (units: ReturnType<typeof lincangTree>) => {
    const result = makeOrgTreeSchema().safeParse(units);
    return result.success ? [] : result.error.issues.map((i) => `${String(i.path[0])}.${String(i.path[1])}: ${i.message}`);
  };

  it('refuses a superior department below the unit, a duty office of another government, a duplicate code, a reference to an inactive unit', () => {
    const units = lincangTree();
    const at = (id: string) => units.findIndex((u) => u.id === id);
    units[at('lx-yjj')] = { ...units[at('lx-yjj')]!, parentId: 'lc-yjj' }; // 临翔区应急管理局 now hangs below 市应急管理局 …
    units[at('lc-yjj')] = { ...units[at('lc-yjj')]!, superiorDepartmentId: 'lx-yjj' }; // … which names it as its superior
    units[at('lc-gov')] = { ...units[at('lc-gov')]!, dutyOfficeId: 'lx-duty' };
    units[at('sj-slga')] = { ...units[at('sj-slga')]!, code: '530925-YJ' };
    units[at('yn-gov')] = { ...units[at('yn-gov')]!, active: false };

    expect(problems(units)).toEqual(expect.arrayContaining([
      `${at('lc-yjj')}.superiorDepartmentId: 上级主管部门不能是本单位的下级单位：临翔区应急管理局`,
      `${at('lc-gov')}.dutyOfficeId: 受理值班室须为本级人民政府下属的值班室`,
      `${at('sj-slga')}.code: 单位编码已被“双江县应急管理局”使用：530925-YJ`,
    ]));
    expect(problems(units).some((p) => p.includes('上级单位“云南省人民政府”已停用'))).toBe(true);
  });
});
