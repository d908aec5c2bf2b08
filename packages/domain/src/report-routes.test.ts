import { describe, expect, it } from 'vitest';
import { isUrgent, reportRoutes } from './report-routes';

const lincang = { directToCityDutyOfficeWhenUrgent: true, requiresCityApprovalForProvince: false };
const xuchang = { directToCityDutyOfficeWhenUrgent: true, requiresCityApprovalForProvince: true };
const taicang = { directToCityDutyOfficeWhenUrgent: false, requiresCityApprovalForProvince: false };
const city = { id: 'duty' };

describe('isUrgent', () => {
  it.each([
    [{ severity: 'IV' as const }, false],
    [{ severity: 'ungraded' as const }, false],
    [{ severity: 'III' as const }, false], // 000 三（二）一: a 较大 report goes up verified (the 双江 lesson)
    [{ severity: 'II' as const }, true],
    [{ severity: 'I' as const }, true],
    [{ severity: 'III' as const, mayEscalate: true }, true], // 000 二（三）: judged likely to reach 重特大
    [{ severity: 'IV' as const, sensitive: true }, true],
    [{ severity: 'ungraded' as const, mayEscalate: true }, true],
  ])('%o → %s', (input, expected) => expect(isUrgent(input)).toBe(expected));
});

describe('reportRoutes', () => {
  it('sends a direct copy only where the policy allows it and the report is urgent', () => {
    expect(reportRoutes(lincang, { severity: 'IV', sensitive: true }, { cityDutyOffice: city }).directToCityDutyOffice).toBe(true);
    expect(reportRoutes(lincang, { severity: 'IV' }, { cityDutyOffice: city }).directToCityDutyOffice).toBe(false);
    expect(reportRoutes(taicang, { severity: 'I' }, { cityDutyOffice: city }).directToCityDutyOffice).toBe(false);
    expect(reportRoutes(lincang, { severity: 'I' }, {}).directToCityDutyOffice).toBe(false);
  });

  it('asks the city duty office first only where the policy says so and the superior department is provincial (004)', () => {
    expect(reportRoutes(xuchang, { severity: 'IV' }, { superiorDepartment: { level: 'province' } }).cityApprovalBeforeSuperior).toBe(true);
    expect(reportRoutes(xuchang, { severity: 'IV' }, { superiorDepartment: { level: 'city' } }).cityApprovalBeforeSuperior).toBe(false);
    expect(reportRoutes(lincang, { severity: 'IV' }, { superiorDepartment: { level: 'province' } }).cityApprovalBeforeSuperior).toBe(false);
  });
});
