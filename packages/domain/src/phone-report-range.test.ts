import { describe, expect, it } from 'vitest';
import type { OrgUnit } from './org';
import { phoneReportCallers } from './phone-report-range';

const unit = (id: string, kind: OrgUnit['kind'], parentId: string | null, superiorDepartmentId: string | null = null) =>
  ({ id, code: id, name: id, kind, level: 'city', parentId, superiorDepartmentId, sameLevelGovernmentId: null, divisionCode: '530900' }) as OrgUnit;

/** 临沧: the city government with its duty office and two departments of different lines; 双江 below with the same two lines. */
const UNITS = [
  unit('lc-gov', 'government', null),
  unit('lc-duty', 'duty_office', 'lc-gov'),
  unit('lc-yjj', 'department', 'lc-gov'),
  unit('lc-slga', 'department', 'lc-gov'),
  unit('sj-gov', 'government', 'lc-gov'),
  unit('sj-yjj', 'department', 'sj-gov', 'lc-yjj'),
  unit('sj-slga', 'department', 'sj-gov', 'lc-slga'),
];

describe('whose phone reports a duty officer may record', () => {
  it('a duty office: every unit under the government it serves', () => {
    expect([...phoneReportCallers(UNITS, 'lc-duty')].sort()).toEqual(['lc-duty', 'lc-gov', 'lc-slga', 'lc-yjj', 'sj-gov', 'sj-slga', 'sj-yjj']);
  });

  it('a department: itself and its line below it, not another line under the same government (it took the whole city)', () => {
    const callers = phoneReportCallers(UNITS, 'lc-yjj');

    expect([...callers].sort()).toEqual(['lc-yjj', 'sj-yjj']);
    expect(callers.has('sj-slga')).toBe(false);
  });

  it('an unknown unit: none', () => {
    expect(phoneReportCallers(UNITS, 'nowhere').size).toBe(0);
  });
});
