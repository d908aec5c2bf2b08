import type { PrismaClient } from '@prisma/client';

export interface OrgUnitSeed {
  id: string;
  code: string;
  name: string;
  nameEn?: string;
  kind: 'government' | 'department' | 'duty_office' | 'party_committee';
  level: 'province' | 'city' | 'county' | 'town';
  parentId?: string | null;
  superiorDepartmentId?: string | null;
  sameLevelGovernmentId?: string | null;
  divisionCode: string;
}

export interface UserSeed {
  id?: string;
  username: string;
  displayName: string;
  unitId: string;
  roles: string[];
  phone?: string;
  password: string;
}

export type HashPassword = (password: string) => Promise<string>;

/** Inserts units parents first; existing ids are left as they are, so seeding twice is harmless. */
export async function seedOrgUnits(prisma: PrismaClient, units: OrgUnitSeed[]): Promise<void> {
  const byId = new Map(units.map((u) => [u.id, u]));
  const depth = (u: OrgUnitSeed): number => (u.parentId && byId.has(u.parentId) ? 1 + depth(byId.get(u.parentId)!) : 0);
  const ordered = [...units].sort((a, b) => depth(a) - depth(b));
  for (const unit of ordered) {
    await prisma.orgUnit.upsert({ where: { id: unit.id }, update: {}, create: { ...unit } });
  }
}

export async function seedUser(prisma: PrismaClient, user: UserSeed, hashPassword: HashPassword) {
  const { password, ...rest } = user;
  const id = user.id ?? `user-${user.username}`;
  return prisma.appUser.upsert({
    where: { username: user.username },
    update: {},
    create: { ...rest, id, passwordHash: await hashPassword(password) },
  });
}
