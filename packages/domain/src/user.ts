import { z } from 'zod';
import { fieldsFor } from './fields';
import { labels } from './labels';
import { DEFAULT_LOCALE, type Locale } from './messages';
import { ROLES, type Role } from './roles';

export * from './roles';

export const roleSchema = z.enum(ROLES);

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
