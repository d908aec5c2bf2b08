import { z } from 'zod';
import { fieldsFor } from './fields';
import { labels } from './labels';
import { DEFAULT_LOCALE, type Locale } from './messages';

/**
 * Kinds of org units. A government (人民政府) and a party committee (党委) head a level; departments
 * (市直部门, 县直部门) belong to a government; a duty office (总值班室/值班室) serves a government or committee.
 */
export const UNIT_KINDS = ['government', 'party_committee', 'department', 'duty_office'] as const;
export const unitKindSchema = z.enum(UNIT_KINDS);
export type UnitKind = z.infer<typeof unitKindSchema>;

/** Administrative levels, top down (province → city → county/district → town/street). */
export const UNIT_LEVELS = ['province', 'city', 'county', 'town'] as const;
export const unitLevelSchema = z.enum(UNIT_LEVELS);
export type UnitLevel = z.infer<typeof unitLevelSchema>;
export const LEVEL_DEPTH: Record<UnitLevel, number> = { province: 0, city: 1, county: 2, town: 3 };

/**
 * The division code of each level (GB/T 2260; towns use the 9-digit statistical code):
 * 530000 云南省, 530900 临沧市, 530902 临翔区, 530902001 a street of 临翔区.
 */
export const DIVISION_CODE_BY_LEVEL: Record<UnitLevel, { pattern: RegExp; example: string }> = {
  province: { pattern: /^\d{2}0000$/, example: '530000' },
  city: { pattern: /^\d{2}(?!00)\d{2}00$/, example: '530900' },
  county: { pattern: /^\d{4}(?!00)\d{2}$/, example: '530902' },
  town: { pattern: /^\d{9}$/, example: '530902001' },
};

/** How many leading digits of a division code name the division at each level (for containment checks). */
export const DIVISION_PREFIX_LENGTH: Record<UnitLevel, number> = { province: 2, city: 4, county: 6, town: 9 };

/**
 * Unit codes: a government's code is its division code (530902); every other unit's code is the
 * division code plus an uppercase suffix: 530902-YJ (应急管理局), 530902-ZBS (总值班室), 530902-DW (党委).
 */
export const UNIT_CODE_SUFFIX = /^[A-Z][A-Z0-9]{0,11}$/;

export function unitCode(divisionCode: string, suffix?: string): string {
  return suffix ? `${divisionCode}-${suffix}` : divisionCode;
}

export function isValidUnitCode(unit: { code: string; kind: UnitKind; divisionCode: string }): boolean {
  if (unit.kind === 'government') return unit.code === unit.divisionCode;
  const [division, suffix, ...rest] = unit.code.split('-');
  return division === unit.divisionCode && suffix !== undefined && UNIT_CODE_SUFFIX.test(suffix) && rest.length === 0;
}

/** One org unit; the tree relations are checked across units by `orgTreeSchema`. */
export function makeOrgUnitSchema(locale: Locale = DEFAULT_LOCALE) {
  const f = fieldsFor(locale);
  const reference = (field: 'parentId' | 'superiorDepartmentId' | 'sameLevelGovernmentId' | 'dutyOfficeId') => f.id(field).nullable().default(null);
  return z
    .object({
      id: f.id('id'),
      code: f.text('code', 32),
      name: f.text('name', 100),
      nameEn: f.text('nameEn', 200).optional(),
      kind: f.oneOf('unitKind', UNIT_KINDS, labels[locale].unitKind),
      level: f.oneOf('level', UNIT_LEVELS, labels[locale].unitLevel),
      /** Tree parent: a department's government; a duty office's government or committee; a government's superior government. */
      parentId: reference('parentId'),
      /** A department's superior department one level up (县应急管理局 → 市应急管理局). */
      superiorDepartmentId: reference('superiorDepartmentId'),
      /** The government at the same level (for departments and duty offices; null for governments). */
      sameLevelGovernmentId: reference('sameLevelGovernmentId'),
      divisionCode: f.text('divisionCode', 9),
      /** A government's duty office that receives for it (总值班室), when it has several; null: its only one. */
      dutyOfficeId: reference('dutyOfficeId'),
      /** A deactivated unit stays in the tree (its reports keep their names) but is in no new route. */
      active: f.flag('active').default(true),
    })
    .superRefine((unit, ctx) => {
      const { pattern, example } = DIVISION_CODE_BY_LEVEL[unit.level];
      if (!pattern.test(unit.divisionCode)) {
        ctx.addIssue({ code: 'custom', path: ['divisionCode'], message: f.msg('divisionCode.level', { level: labels[locale].unitLevel[unit.level], example }) });
      } else if (!isValidUnitCode(unit)) {
        ctx.addIssue({ code: 'custom', path: ['code'], message: f.msg('unitCode.invalid') });
      }
    });
}

export const orgUnitSchema = makeOrgUnitSchema();
export type OrgUnit = z.infer<typeof orgUnitSchema>;
