import { ROLES, SEVERITIES, UNIT_KINDS, UNIT_LEVELS } from '@kuaibao/domain';
import { z } from 'zod';

export const idParamsSchema = z.strictObject({ id: z.string().min(1).max(64) });

export const unitViewSchema = z.object({
  id: z.string(), code: z.string(), name: z.string(), nameEn: z.string().nullable(), kind: z.enum(UNIT_KINDS), level: z.enum(UNIT_LEVELS), divisionCode: z.string(),
  parentId: z.string().nullable(), superiorDepartmentId: z.string().nullable(), sameLevelGovernmentId: z.string().nullable(), dutyOfficeId: z.string().nullable(), active: z.boolean(),
});
export const unitListSchema = z.object({ items: z.array(unitViewSchema) });

export const personViewSchema = z.object({
  id: z.string(), username: z.string(), displayName: z.string(), unitId: z.string(), roles: z.array(z.enum(ROLES)), phone: z.string().nullable(), active: z.boolean(), mustChangePassword: z.boolean(),
});
export const personListSchema = z.object({ items: z.array(personViewSchema) });
export const personWithPasswordSchema = z.object({ person: personViewSchema, temporaryPassword: z.string() });

const flag = z.enum(['true', 'false']).transform((v) => v === 'true');
export const listUnitsQuerySchema = z.strictObject({ q: z.string().max(100).optional(), lang: z.string().optional() });
export const listPeopleQuerySchema = z.strictObject({ unitId: z.string().max(64).optional(), q: z.string().max(100).optional(), active: flag.optional(), lang: z.string().optional() });

export const routeGapSchema = z.object({
  unitId: z.string(), unitName: z.string(), role: z.enum(ROLES).nullable(), step: z.string(), grades: z.array(z.enum(SEVERITIES)),
  reportingUnits: z.array(z.object({ id: z.string(), name: z.string() })), message: z.string(),
});
export const routeHealthSchema = z.object({ checkedUnits: z.number().int(), ok: z.boolean(), gaps: z.array(routeGapSchema) });
export const routeHealthQuerySchema = z.strictObject({ rootId: z.string().max(64).optional(), lang: z.string().optional() });

export const blockedTaskSchema = z.object({ key: z.string(), name: z.string().nullable(), incidentNumber: z.string().nullable(), group: z.string() });
export const deactivationImpactSchema = z.object({ newGaps: z.array(routeGapSchema), blockedTasks: z.array(blockedTaskSchema) });

export const auditQuerySchema = z.strictObject({
  actor: z.string().max(64).optional(),
  action: z.string().max(64).optional(),
  entityType: z.enum(['org_unit', 'app_user', 'import']).optional(),
  entityId: z.string().max(64).optional(),
  q: z.string().max(100).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  beforeId: z.string().regex(/^\d{1,18}$/).optional(),
  lang: z.string().optional(),
});
export const auditListSchema = z.object({
  items: z.array(z.object({
    id: z.string(), at: z.string(), actorId: z.string(), actorName: z.string(), action: z.string(), entityType: z.string(), entityId: z.string(),
    unitId: z.string().nullable(), before: z.unknown(), after: z.unknown(), ip: z.string().nullable(),
  })),
  nextBeforeId: z.string().nullable(),
});
