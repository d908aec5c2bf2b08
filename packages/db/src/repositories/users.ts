import { createHash, randomBytes } from 'node:crypto';
import type { SessionUser } from '@kuaibao/domain';
import type { AppUser, PrismaClient } from '@prisma/client';
import { preparedClient } from '../prepared-client';
import { orgUnitColumns, type OrgUnitRow } from './org-units';
import { columnsAs, nestPrefixed, type ColumnNames } from './prisma-columns';
import { sessionCacheOf } from '../session-cache';

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** The user behind a valid session as stored: SessionUser with the roles not yet checked against ROLES. */
type SessionUserRow = Omit<SessionUser, 'roles'> & { roles: string[] };

/** app_user's columns as Prisma names them. */
export const APP_USER_FIELDS: ColumnNames = [
  ['id', 'id'], ['username', 'username'], ['display_name', 'displayName'], ['password_hash', 'passwordHash'], ['unit_id', 'unitId'], ['roles', 'roles'],
  ['phone', 'phone'], ['locale', 'locale'], ['active', 'active'], ['must_change_password', 'mustChangePassword'], ['created_at', 'createdAt'],
];
const APP_USER_COLUMNS = columnsAs(APP_USER_FIELDS, 'a');
const UNIT_PREFIX = 'unit.';

export function createUserRepository(prisma: PrismaClient) {
  const raw = preparedClient(prisma);
  return {
    findByUsername: (username: string) => prisma.appUser.findUnique({ where: { username }, include: { unit: true } }),
    /** A user with their unit: the flow's notices read each recipient so (marked, prepared on the driver; docs/adr/0068). */
    get: async (id: string): Promise<(AppUser & { unit: OrgUnitRow }) | null> => {
      const [row] = await raw.$queryRaw<Record<string, unknown>[]>`/* prepared */
        SELECT ${APP_USER_COLUMNS}, ${orgUnitColumns('o', UNIT_PREFIX)} FROM app_user a JOIN org_unit o ON o.id = a.unit_id WHERE a.id = ${id}`;
      return row ? nestPrefixed<AppUser, 'unit', OrgUnitRow>(row, UNIT_PREFIX, 'unit') : null;
    },
    /** Users of a unit holding a role: who is notified or reminded. */
    withRole: (unitId: string, role: string) => raw.$queryRaw<AppUser[]>`/* prepared */
      SELECT ${APP_USER_COLUMNS} FROM app_user a WHERE a.unit_id = ${unitId} AND a.roles @> ARRAY[${role}]::text[] AND a.active ORDER BY a.username`,
    count: () => prisma.appUser.count(),
    /** The active people of these units (委派 goes to anyone of the task's unit). */
    activeIn: (unitIds: string[]) => prisma.appUser.findMany({ where: { unitId: { in: unitIds }, active: true }, orderBy: { username: 'asc' } }),
  };
}

/** Sessions are opaque random tokens; only their sha-256 is stored, so a database leak yields no session. */
export function createSessionRepository(prisma: PrismaClient) {
  const raw = preparedClient(prisma);
  /** Sessions found valid, trusted for a few seconds; what changes them clears it (session-cache.ts, docs/adr/0068). */
  const cache = sessionCacheOf<{ expiresAt: Date; user: SessionUserRow }>(prisma);
  return {
    async create(input: { userId: string; ttlMs: number; ip?: string | undefined; userAgent?: string | undefined }) {
      const token = randomBytes(32).toString('base64url');
      await prisma.userSession.create({
        data: {
          id: hashToken(token),
          userId: input.userId,
          expiresAt: new Date(Date.now() + input.ttlMs),
          ip: input.ip ?? null,
          userAgent: input.userAgent?.slice(0, 400) ?? null,
        },
      });
      return token;
    },
    /**
     * The unexpired session of an active user, with the user and the name of their unit: one statement, as every
     * request asks, prepared on the driver (a sixth of its CPU through Prisma's raw queries, docs/adr/0066).
     */
    async findValid(token: string): Promise<{ expiresAt: Date; user: SessionUserRow } | null> {
      const id = hashToken(token);
      const now = Date.now();
      const cached = cache.get(id, now);
      if (cached) return cached;
      const mark = cache.mark();
      const [row] = await raw.$queryRaw<(SessionUserRow & { expiresAt: Date })[]>`/* prepared */
        SELECT s.expires_at AS "expiresAt", u.id, u.username, u.display_name AS "displayName", u.unit_id AS "unitId",
               o.name AS "unitName", u.roles, u.locale, u.must_change_password AS "mustChangePassword"
        FROM user_session s JOIN app_user u ON u.id = s.user_id JOIN org_unit o ON o.id = u.unit_id
        WHERE s.id = ${id} AND s.expires_at > ${new Date(now)} AND u.active`;
      if (!row) return null;
      const { expiresAt, ...user } = row;
      const session = { expiresAt, user };
      cache.remember(id, session, mark, now);
      return session;
    },
    /** The stored id of a session token (its sha-256), to keep it when the user's other sessions end. */
    idOf: (token: string) => hashToken(token),
    async delete(token: string) {
      const id = hashToken(token);
      try {
        await prisma.userSession.deleteMany({ where: { id } });
      } finally {
        cache.forget(id);
      }
    },
    async deleteExpired() {
      return (await prisma.userSession.deleteMany({ where: { expiresAt: { lte: new Date() } } })).count;
    },
  };
}

export type UserRepository = ReturnType<typeof createUserRepository>;
export type SessionRepository = ReturnType<typeof createSessionRepository>;
