import type { PrismaClient } from '@prisma/client';
import type { OrgUnitSeed } from './factories';

/**
 * The unit the first 系统管理员 belongs to on an installation without demo data (docs/adr/0028): a root of its own,
 * outside every jurisdiction. A duty office with no government above it is in no report's route (recipients are
 * found through a government's duty offices) and files no report (only departments do), so it never changes what
 * the jurisdictions imported later do. 000000 is no real division, so it never meets one.
 */
export const SYSTEM_UNIT: OrgUnitSeed = {
  id: 'org-000000-xtgl', code: '000000-XTGL', name: '系统管理', nameEn: 'System administration', kind: 'duty_office', level: 'province', divisionCode: '000000',
};

export interface FirstAdmin {
  username: string;
  passwordHash: string;
}

/**
 * On an installation nobody can log in to (no user at all): the 系统管理 unit and the first 系统管理员, who must
 * change the password at the first login. Returns whether it created them; with any user present it creates nothing.
 */
export async function createFirstAdmin(prisma: PrismaClient, admin: FirstAdmin): Promise<boolean> {
  return prisma.$transaction(async (tx) => {
    if ((await tx.appUser.count()) > 0) return false;
    await tx.orgUnit.upsert({ where: { id: SYSTEM_UNIT.id }, update: {}, create: { ...SYSTEM_UNIT } });
    await tx.appUser.create({
      data: {
        id: `user-${admin.username}`, username: admin.username, displayName: '系统管理员', passwordHash: admin.passwordHash, unitId: SYSTEM_UNIT.id,
        roles: ['admin', 'system_admin'], mustChangePassword: true,
      },
    });
    return true;
  });
}
