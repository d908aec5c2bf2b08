import type { AdminAuditEvent, AppUser, OrgUnit, Prisma, PrismaClient } from '@prisma/client';
import { sessionCacheOf } from '../session-cache';

type Tx = Prisma.TransactionClient;

/** One admin change for the trail (docs/adr/0028). */
export interface AdminAuditEntry {
  actorId: string;
  actorName: string;
  action: string;
  entityType: 'org_unit' | 'app_user' | 'import';
  entityId: string;
  unitId?: string | null;
  divisionCode?: string | null;
  before?: unknown;
  after?: unknown;
  ip?: string | null;
}

export interface AdminAuditFilter {
  /** Division-code prefixes of the caller's scope; undefined: everything (系统管理员). */
  divisionPrefixes?: string[] | undefined;
  actor?: string | undefined;
  action?: string | undefined;
  entityType?: string | undefined;
  entityId?: string | undefined;
  /** Free text in the entity id, actor or the before/after values. */
  q?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  limit: number;
  /** Entries older than this id (the next page). */
  beforeId?: bigint | undefined;
}

export type UnitData = Omit<OrgUnit, 'createdAt'>;
export type PersonData = Pick<AppUser, 'id' | 'username' | 'displayName' | 'unitId' | 'roles' | 'phone' | 'active' | 'mustChangePassword'>;

/** Serializes every change of the org tree and the people: each checks the whole tree it then writes. */
const ORG_ADMIN_LOCK = 740_219_028;

/** Writes of the admin pages: each runs in one transaction with its audit entry, under one lock. */
export function createOrgAdminRepository(prisma: PrismaClient) {
  const sessions = sessionCacheOf(prisma);
  return {
    /** Runs `work` in a transaction holding the org-admin lock: what it read is still true when it writes. */
    async locked<T>(work: (tx: OrgAdminTx) => Promise<T>): Promise<T> {
      try {
        return await prisma.$transaction(
          async (tx) => {
            await tx.$executeRaw`SELECT pg_advisory_xact_lock(${ORG_ADMIN_LOCK}::bigint)`;
            return work(orgAdminTx(tx));
          },
          { timeout: 120_000, maxWait: 30_000 },
        );
      } finally {
        // A person's roles, unit, name or state, a unit's name, a reset's ended sessions: cached sessions are asked again.
        sessions.clear();
      }
    },
    /** The whole tree, inactive units too (read-only paths: lists, the route check, the trail's scope). */
    units: () => prisma.orgUnit.findMany({ orderBy: { code: 'asc' } }),
    people: (where: { unitIds?: string[] | undefined; q?: string | undefined; active?: boolean | undefined }) =>
      prisma.appUser.findMany({
        where: {
          ...(where.unitIds && { unitId: { in: where.unitIds } }),
          ...(where.active !== undefined && { active: where.active }),
          ...(where.q && { OR: [{ username: { contains: where.q } }, { displayName: { contains: where.q } }, { phone: { contains: where.q } }] }),
        },
        orderBy: [{ unitId: 'asc' }, { username: 'asc' }],
        select: personSelect,
      }),
    allPeople: () => prisma.appUser.findMany({ select: personSelect, orderBy: { username: 'asc' } }),
    person: (id: string) => prisma.appUser.findUnique({ where: { id }, select: personSelect }),
    passwordHashOf: async (id: string) => (await prisma.appUser.findUnique({ where: { id }, select: { passwordHash: true } }))?.passwordHash ?? null,
    /** The user's own password change: clears the must-change mark, ends their other sessions. */
    async changePassword(input: { userId: string; passwordHash: string; keepSessionId: string }) {
      try {
        await prisma.$transaction([
          prisma.appUser.update({ where: { id: input.userId }, data: { passwordHash: input.passwordHash, mustChangePassword: false } }),
          prisma.userSession.deleteMany({ where: { userId: input.userId, id: { not: input.keepSessionId } } }),
        ]);
      } finally {
        sessions.clear();
      }
    },
    async searchAudit(filter: AdminAuditFilter): Promise<AdminAuditEvent[]> {
      const q = filter.q?.replace(/[\\%_]/g, (c) => `\\${c}`);
      return prisma.adminAuditEvent.findMany({
        where: {
          AND: [
            ...(filter.divisionPrefixes ? [{ OR: filter.divisionPrefixes.map((p) => ({ divisionCode: { startsWith: p } })) }] : []),
            ...(filter.actor ? [{ actorName: { contains: filter.actor } }] : []),
            ...(filter.action ? [{ action: filter.action }] : []),
            ...(filter.entityType ? [{ entityType: filter.entityType }] : []),
            ...(filter.entityId ? [{ entityId: filter.entityId }] : []),
            ...(filter.from ? [{ at: { gte: filter.from } }] : []),
            ...(filter.to ? [{ at: { lt: filter.to } }] : []),
            ...(filter.beforeId ? [{ id: { lt: filter.beforeId } }] : []),
          ],
          ...(q && { id: { in: await auditIdsMatching(prisma, q) } }),
        },
        orderBy: { id: 'desc' },
        take: filter.limit,
      });
    },
  };
}

/** Ids of the entries whose entity, actor or before/after text contains `q` (already LIKE-escaped). */
async function auditIdsMatching(prisma: PrismaClient, q: string): Promise<bigint[]> {
  const pattern = `%${q}%`;
  const rows = await prisma.$queryRaw<{ id: bigint }[]>`
    SELECT id FROM admin_audit_event
    WHERE entity_id ILIKE ${pattern} OR actor_name ILIKE ${pattern} OR COALESCE(before::text, '') ILIKE ${pattern} OR COALESCE(after::text, '') ILIKE ${pattern}
    ORDER BY id DESC LIMIT 5000`;
  return rows.map((r) => r.id);
}

const personSelect = { id: true, username: true, displayName: true, unitId: true, roles: true, phone: true, active: true, mustChangePassword: true } as const;

/** The writes available inside `locked`. */
function orgAdminTx(tx: Tx) {
  return {
    units: () => tx.orgUnit.findMany({ orderBy: { code: 'asc' } }),
    people: () => tx.appUser.findMany({ select: personSelect, orderBy: { username: 'asc' } }),
    createUnits: (units: UnitData[]) => tx.orgUnit.createMany({ data: units }),
    updateUnit: (id: string, data: Partial<UnitData>) => tx.orgUnit.update({ where: { id }, data }),
    /**
     * Creates people with one password hash (an admin's temporary one, or an import's initial one): one statement over a
     * JSON array, as an import creates thousands (row by row, PGlite took ~4 ms a person).
     */
    createPeople: (people: PersonData[], passwordHash: string) => tx.$executeRaw`
      INSERT INTO app_user (id, username, display_name, password_hash, unit_id, roles, phone, active, must_change_password)
      SELECT id, username, "displayName", ${passwordHash}, "unitId", roles, phone, active, "mustChangePassword"
      FROM jsonb_to_recordset(${JSON.stringify(people)}::jsonb)
        AS x(id text, username text, "displayName" text, "unitId" text, roles text[], phone text, active boolean, "mustChangePassword" boolean)`,
    updatePerson: (id: string, data: Partial<Omit<PersonData, 'id' | 'username'>>) => tx.appUser.update({ where: { id }, data, select: personSelect }),
    setPassword: (id: string, passwordHash: string, mustChangePassword: boolean) => tx.appUser.update({ where: { id }, data: { passwordHash, mustChangePassword } }),
    /** Ends every session of the people at once (deactivation, password reset). */
    endSessions: (userIds: string[]) => tx.userSession.deleteMany({ where: { userId: { in: userIds } } }),
    /** The trail's entries of one change (or of a whole import: one statement however many). */
    audit: (entries: AdminAuditEntry[]) => tx.$executeRaw`
      INSERT INTO admin_audit_event (actor_id, actor_name, action, entity_type, entity_id, unit_id, division_code, before, after, ip)
      SELECT "actorId", "actorName", action, "entityType", "entityId", "unitId", "divisionCode", before, after, ip
      FROM jsonb_to_recordset(${JSON.stringify(entries.map((e) => ({ ...e, before: e.before ?? null, after: e.after ?? null })))}::jsonb)
        AS x("actorId" text, "actorName" text, action text, "entityType" text, "entityId" text, "unitId" text, "divisionCode" text, before jsonb, after jsonb, ip text)`,
  };
}

export type OrgAdminTx = ReturnType<typeof orgAdminTx>;
export type OrgAdminRepository = ReturnType<typeof createOrgAdminRepository>;
export type PersonRow = PersonData;
