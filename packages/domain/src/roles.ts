/**
 * Roles a user holds in their unit: 信息员/值班员 who record and draft, 核实人, 单位领导 who signs off,
 * 值班员 of a duty office who receives (签收) and asks for verification (核报), 流程设计员, 管理员 (of the
 * jurisdiction their unit's government heads), 系统管理员 (of every jurisdiction; docs/adr/0028).
 */
export const ROLES = ['reporter', 'verifier', 'leader', 'duty_officer', 'designer', 'admin', 'system_admin'] as const;
export type Role = (typeof ROLES)[number];

/** Whether a string is a role this version knows (without zod: the web app's first pages use it). */
export const isRole = (value: unknown): value is Role => (ROLES as readonly unknown[]).includes(value);

/** The roles of a stored user that this version knows: a role no longer in ROLES is ignored, not an error. */
export const knownRoles = (roles: readonly string[]): Role[] => roles.filter(isRole);
