import type { OrgUnit, PrismaClient } from '@prisma/client';

export type OrgUnitRow = OrgUnit;

export function createOrgUnitRepository(prisma: PrismaClient) {
  return {
    /** The whole tree: small (hundreds of units per city), read at once and cached by callers. */
    all: () => prisma.orgUnit.findMany({ orderBy: { code: 'asc' } }),
    get: (id: string) => prisma.orgUnit.findUnique({ where: { id } }),
  };
}

export type OrgUnitRepository = ReturnType<typeof createOrgUnitRepository>;
