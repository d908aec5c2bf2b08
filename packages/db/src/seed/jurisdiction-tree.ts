import type { PrismaClient } from '@prisma/client';
import { seedOrgUnits, seedUser, type HashPassword, type OrgUnitSeed } from './factories';

/**
 * A province → city → county chain, each with its government (and duty office below province level).
 * Unit codes follow the org schema (a government's code is its division code), so one tree per database.
 */
export interface JurisdictionTreeSpec {
  /** Prefix of every unit id and username (`tc` → `tc-county-dept`, `tc_verifier`). */
  key: string;
  province: { code: string; name: string };
  city: { code: string; name: string };
  county: { code: string; name: string };
  /** The reporting department's name at each level (default 应急管理). */
  department?: string;
}

/** The ids a scenario names: the reporting unit and the units that receive or are reminded. */
export function jurisdictionTreeIds(key: string) {
  return {
    reportingUnit: `${key}-county-dept`,
    countyDutyOffice: `${key}-county-duty`,
    cityDepartment: `${key}-city-dept`,
    cityDutyOffice: `${key}-city-duty`,
  };
}

/**
 * Seeds a minimal reporting chain for one jurisdiction: the county department reports to the city
 * department (superior) and the county government (same level, through its duty office); the city duty
 * office receives. Users: reporter, verifier, leader at the county department; a duty officer at each
 * duty office and the city department; a leader on duty (duty officer + leader) at the city duty office.
 */
export async function seedJurisdictionTree(prisma: PrismaClient, spec: JurisdictionTreeSpec, hashPassword: HashPassword, password = 'kuaibao2026') {
  const { key, province, city, county } = spec;
  const dept = spec.department ?? '应急管理';
  const units: OrgUnitSeed[] = [
    { id: `${key}-prov-gov`, code: province.code, name: province.name, kind: 'government', level: 'province', divisionCode: province.code },
    { id: `${key}-prov-dept`, code: `${province.code}-YJ`, name: `${province.name.replace(/人民政府$/, '')}${dept}厅`, kind: 'department', level: 'province', parentId: `${key}-prov-gov`, sameLevelGovernmentId: `${key}-prov-gov`, divisionCode: province.code },
    { id: `${key}-city-gov`, code: city.code, name: city.name, kind: 'government', level: 'city', parentId: `${key}-prov-gov`, divisionCode: city.code },
    { id: `${key}-city-duty`, code: `${city.code}-ZBS`, name: `${city.name}总值班室`, kind: 'duty_office', level: 'city', parentId: `${key}-city-gov`, divisionCode: city.code },
    { id: `${key}-city-dept`, code: `${city.code}-YJ`, name: `${city.name.replace(/人民政府$/, '')}${dept}局`, kind: 'department', level: 'city', parentId: `${key}-city-gov`, superiorDepartmentId: `${key}-prov-dept`, sameLevelGovernmentId: `${key}-city-gov`, divisionCode: city.code },
    { id: `${key}-county-gov`, code: county.code, name: county.name, kind: 'government', level: 'county', parentId: `${key}-city-gov`, divisionCode: county.code },
    { id: `${key}-county-duty`, code: `${county.code}-ZBS`, name: `${county.name}总值班室`, kind: 'duty_office', level: 'county', parentId: `${key}-county-gov`, divisionCode: county.code },
    { id: `${key}-county-dept`, code: `${county.code}-YJ`, name: `${county.name.replace(/人民政府$/, '')}${dept}局`, kind: 'department', level: 'county', parentId: `${key}-county-gov`, superiorDepartmentId: `${key}-city-dept`, sameLevelGovernmentId: `${key}-county-gov`, divisionCode: county.code },
  ];
  await seedOrgUnits(prisma, units);
  const ids = jurisdictionTreeIds(key);
  const users = [
    { username: `${key}_reporter`, displayName: `${key}信息员`, unitId: ids.reportingUnit, roles: ['reporter'], phone: '13900000001' },
    { username: `${key}_verifier`, displayName: `${key}核实人`, unitId: ids.reportingUnit, roles: ['verifier'], phone: '13900000002' },
    { username: `${key}_leader`, displayName: `${key}单位领导`, unitId: ids.reportingUnit, roles: ['leader'], phone: '13900000003' },
    { username: `${key}_county_duty`, displayName: `${key}县值班员`, unitId: ids.countyDutyOffice, roles: ['duty_officer'], phone: '13900000010' },
    { username: `${key}_city_dept_duty`, displayName: `${key}市局值班员`, unitId: ids.cityDepartment, roles: ['duty_officer'], phone: '13900000020' },
    { username: `${key}_city_duty`, displayName: `${key}市值班员`, unitId: ids.cityDutyOffice, roles: ['duty_officer'], phone: '13900000030' },
    { username: `${key}_city_duty_leader`, displayName: `${key}带班领导`, unitId: ids.cityDutyOffice, roles: ['duty_officer', 'leader'], phone: '13900000031' },
  ];
  for (const user of users) await seedUser(prisma, { ...user, password }, hashPassword);
  return ids;
}
