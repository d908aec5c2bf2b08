import { createHash, randomBytes } from 'node:crypto';
import type { PrismaClient } from '@prisma/client';

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export function createUserRepository(prisma: PrismaClient) {
  return {
    findByUsername: (username: string) => prisma.appUser.findUnique({ where: { username }, include: { unit: true } }),
    get: (id: string) => prisma.appUser.findUnique({ where: { id }, include: { unit: true } }),
    /** Users of a unit holding a role: who is notified or reminded. */
    withRole: (unitId: string, role: string) =>
      prisma.appUser.findMany({ where: { unitId, roles: { has: role }, active: true }, orderBy: { username: 'asc' } }),
    count: () => prisma.appUser.count(),
  };
}

/** Sessions are opaque random tokens; only their sha-256 is stored, so a database leak yields no session. */
export function createSessionRepository(prisma: PrismaClient) {
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
    async findValid(token: string) {
      const session = await prisma.userSession.findUnique({ where: { id: hashToken(token) }, include: { user: { include: { unit: true } } } });
      if (!session || session.expiresAt.getTime() <= Date.now() || !session.user.active) return null;
      return session;
    },
    async delete(token: string) {
      await prisma.userSession.deleteMany({ where: { id: hashToken(token) } });
    },
    async deleteExpired() {
      return (await prisma.userSession.deleteMany({ where: { expiresAt: { lte: new Date() } } })).count;
    },
  };
}

export type UserRepository = ReturnType<typeof createUserRepository>;
export type SessionRepository = ReturnType<typeof createSessionRepository>;
