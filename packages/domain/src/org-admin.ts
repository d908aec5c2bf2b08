import { z } from 'zod';
import { fieldsFor } from './fields';
import { labels } from './labels';
import { DEFAULT_LOCALE, type Locale } from './messages';
import { UNIT_KINDS, UNIT_LEVELS } from './org';
import { makeUserSchema } from './user';

/** What an admin types for a unit (docs/adr/0028); the id is made from the code, the tree checks run on the whole tree. */
export function makeUnitInputSchema(locale: Locale = DEFAULT_LOCALE) {
  const f = fieldsFor(locale);
  const reference = (field: 'parentId' | 'superiorDepartmentId' | 'sameLevelGovernmentId' | 'dutyOfficeId') => f.id(field).nullable().optional();
  return z.strictObject({
    code: f.text('code', 32),
    name: f.text('name', 100),
    nameEn: f.text('nameEn', 200).nullable().optional(),
    kind: f.oneOf('unitKind', UNIT_KINDS, labels[locale].unitKind),
    level: f.oneOf('level', UNIT_LEVELS, labels[locale].unitLevel),
    divisionCode: f.text('divisionCode', 9),
    parentId: reference('parentId'),
    superiorDepartmentId: reference('superiorDepartmentId'),
    sameLevelGovernmentId: reference('sameLevelGovernmentId'),
    dutyOfficeId: reference('dutyOfficeId'),
  });
}
export type UnitInput = z.infer<ReturnType<typeof makeUnitInputSchema>>;

/** An edit or a move: any of the fields; what is left out stays as it is. */
export const makeUnitPatchSchema = (locale: Locale = DEFAULT_LOCALE) => makeUnitInputSchema(locale).partial();
export type UnitPatch = z.infer<ReturnType<typeof makeUnitPatchSchema>>;

/** Unit ids are made from the unit code (530902-YJ → org-530902-yj): stable, readable, never holding ':'. */
export const unitIdFor = (code: string) => `org-${code.toLowerCase()}`;
export const userIdFor = (username: string) => `user-${username}`;

/** 8 to 128 characters with a letter and a digit. */
export function makePasswordSchema(locale: Locale = DEFAULT_LOCALE, field: 'password' | 'newPassword' = 'password') {
  const f = fieldsFor(locale);
  const message = locale === 'en' ? `${f.label(field)} must be 8 to 128 characters with at least one letter and one digit` : `${f.label(field)}须为8至128位，且至少含一个字母和一个数字`;
  return f.string(field).refine((p) => p.length >= 8 && p.length <= 128 && /\p{L}/u.test(p) && /\d/.test(p), { error: message });
}

/** A new person: who, where, which roles; the server answers with a temporary password they must change. */
export function makePersonInputSchema(locale: Locale = DEFAULT_LOCALE) {
  const user = makeUserSchema(locale);
  return z.strictObject({
    username: user.shape.username,
    displayName: user.shape.displayName,
    unitId: user.shape.unitId,
    roles: user.shape.roles,
    phone: user.shape.phone.nullable(),
  });
}
export type PersonInput = z.infer<ReturnType<typeof makePersonInputSchema>>;

/** An edit: name, phone, unit, roles (the username is the login and stays). */
export const makePersonPatchSchema = (locale: Locale = DEFAULT_LOCALE) => makePersonInputSchema(locale).omit({ username: true }).partial();
export type PersonPatch = z.infer<ReturnType<typeof makePersonPatchSchema>>;

export function makeChangePasswordSchema(locale: Locale = DEFAULT_LOCALE) {
  const f = fieldsFor(locale);
  return z.strictObject({ currentPassword: f.string('currentPassword').min(1).max(128), newPassword: makePasswordSchema(locale, 'newPassword') });
}
