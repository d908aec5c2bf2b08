import { z } from 'zod';
import { fieldsFor } from './fields';
import { labels } from './labels';
import { DEFAULT_LOCALE, type Locale } from './messages';

/**
 * Roles a user holds in their unit: 信息员/值班员 who record and draft, 核实人, 单位领导 who signs off,
 * 值班员 of a duty office who receives (签收) and asks for verification (核报), 流程设计员, 管理员 (of the
 * jurisdiction their unit's government heads), 系统管理员 (of every jurisdiction; docs/adr/0028).
 */
export const ROLES = ['reporter', 'verifier', 'leader', 'duty_officer', 'designer', 'admin', 'system_admin'] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

/** The roles of a stored user that this version knows: a role no longer in ROLES is ignored, not an error. */
export const knownRoles = (roles: readonly string[]): Role[] => roles.filter((r): r is Role => roleSchema.safeParse(r).success);

/** The logged-in user as every request, GET /api/me and the web app see them. */
export const sessionUserSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  roles: z.array(roleSchema),
  locale: z.string(),
  /** After an admin's password reset: the user must choose a new password before anything else. */
  mustChangePassword: z.boolean(),
});
export type SessionUser = z.infer<typeof sessionUserSchema>;

/** Login names: lowercase ASCII so they survive every keyboard and log; e.g. lx_reporter, lc.duty-01. */
export const USERNAME_PATTERN = /^[a-z0-9_.-]{3,32}$/;

/** Chinese names, including names with the separator "·" (买买提·艾力). */
export const DISPLAY_NAME_PATTERN = /^\p{Script=Han}[\p{Script=Han}·]{1,31}$/u;

export function makeUserSchema(locale: Locale = DEFAULT_LOCALE) {
  const f = fieldsFor(locale);
  return z.object({
    id: f.id('id'),
    username: f.string('username').regex(USERNAME_PATTERN, { error: f.msg('username.invalid') }),
    displayName: f.string('displayName').trim().regex(DISPLAY_NAME_PATTERN, { error: f.msg('displayName.invalid') }),
    unitId: f.id('unitId'),
    roles: f
      .list('roles', f.oneOf('roles', ROLES, labels[locale].role))
      .min(1, { error: f.msg('roles.empty') })
      .superRefine((roles, ctx) => {
        const duplicate = roles.find((role, i) => roles.indexOf(role) !== i);
        if (duplicate) ctx.addIssue({ code: 'custom', message: f.msg('roles.duplicate', { role: labels[locale].role[duplicate] }) });
      }),
    phone: f.phone('phone').optional(),
  });
}

export const userSchema = makeUserSchema();
export type User = z.infer<typeof userSchema>;

export function hasRole(user: Pick<User, 'roles'>, role: Role): boolean {
  return user.roles.includes(role);
}
