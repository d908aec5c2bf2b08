import { orgUnitSchema, type OrgUnit, type UnitKind, type UnitLevel } from '../org';

/** Test fixture (not exported from the package): one org unit, validated by the real schema. */
export function unit(
  id: string,
  name: string,
  kind: UnitKind,
  level: UnitLevel,
  divisionCode: string,
  links: { suffix?: string; parentId?: string; superiorDepartmentId?: string; sameLevelGovernmentId?: string } = {},
): OrgUnit {
  const { suffix, ...refs } = links;
  return orgUnitSchema.parse({ id, name, kind, level, divisionCode, code: suffix ? `${divisionCode}-${suffix}` : divisionCode, ...refs });
}

/**
 * 云南省 → 临沧市 → 临翔区, 双江县, each government with its duty office and 应急管理局 (and 双江县森林公安局
 * under 市森林公安局, the unit of the 000 incident). A fresh array each call, so tests may change it.
 */
export function lincangTree(): OrgUnit[] {
  return [
    unit('yn-gov', '云南省人民政府', 'government', 'province', '530000'),
    unit('yn-duty', '云南省人民政府总值班室', 'duty_office', 'province', '530000', { suffix: 'ZBS', parentId: 'yn-gov' }),
    unit('yn-yjt', '云南省应急管理厅', 'department', 'province', '530000', { suffix: 'YJ', parentId: 'yn-gov', sameLevelGovernmentId: 'yn-gov' }),
    unit('lc-gov', '临沧市人民政府', 'government', 'city', '530900', { parentId: 'yn-gov' }),
    unit('lc-duty', '临沧市人民政府总值班室', 'duty_office', 'city', '530900', { suffix: 'ZBS', parentId: 'lc-gov' }),
    unit('lc-yjj', '临沧市应急管理局', 'department', 'city', '530900', { suffix: 'YJ', parentId: 'lc-gov', superiorDepartmentId: 'yn-yjt', sameLevelGovernmentId: 'lc-gov' }),
    unit('lc-slga', '临沧市森林公安局', 'department', 'city', '530900', { suffix: 'SLGA', parentId: 'lc-gov', sameLevelGovernmentId: 'lc-gov' }),
    unit('lx-gov', '临翔区人民政府', 'government', 'county', '530902', { parentId: 'lc-gov' }),
    unit('lx-duty', '临翔区人民政府总值班室', 'duty_office', 'county', '530902', { suffix: 'ZBS', parentId: 'lx-gov' }),
    unit('lx-yjj', '临翔区应急管理局', 'department', 'county', '530902', { suffix: 'YJ', parentId: 'lx-gov', superiorDepartmentId: 'lc-yjj', sameLevelGovernmentId: 'lx-gov' }),
    unit('sj-gov', '双江县人民政府', 'government', 'county', '530925', { parentId: 'lc-gov' }),
    unit('sj-duty', '双江县人民政府总值班室', 'duty_office', 'county', '530925', { suffix: 'ZBS', parentId: 'sj-gov' }),
    unit('sj-yjj', '双江县应急管理局', 'department', 'county', '530925', { suffix: 'YJ', parentId: 'sj-gov', superiorDepartmentId: 'lc-yjj', sameLevelGovernmentId: 'sj-gov' }),
    unit('sj-slga', '双江县森林公安局', 'department', 'county', '530925', { suffix: 'SLGA', parentId: 'sj-gov', superiorDepartmentId: 'lc-slga', sameLevelGovernmentId: 'sj-gov' }),
    unit('sj-mengmeng', '勐勐镇人民政府', 'government', 'town', '530925101', { parentId: 'sj-gov' }),
  ];
}
