import { DIVISION_PREFIX_LENGTH, type UnitLevel } from '@kuaibao/domain';
import type { AdminAuditFilter, OrgAdminRepository } from '@kuaibao/db';
import type { SessionUser } from '../../auth/session-user';
import { requireScope } from './admin-context';

/** 管理日志: the admin trail the caller may see (their scope's divisions; everything for a 系统管理员), newest first. */
export async function searchAdminAudit(deps: { orgAdmin: OrgAdminRepository }, user: SessionUser, filter: Omit<AdminAuditFilter, 'divisionPrefixes'>) {
  const units = await deps.orgAdmin.units();
  const scope = requireScope(units, user);
  const root = scope.all ? undefined : units.find((u) => u.id === scope.rootId);
  const divisionPrefixes = root ? [root.divisionCode.slice(0, DIVISION_PREFIX_LENGTH[root.level as UnitLevel])] : undefined;
  const rows = await deps.orgAdmin.searchAudit({ ...filter, divisionPrefixes });
  return {
    items: rows.map((r) => ({
      id: r.id.toString(), at: r.at.toISOString(), actorId: r.actorId, actorName: r.actorName, action: r.action, entityType: r.entityType, entityId: r.entityId,
      unitId: r.unitId, before: r.before, after: r.after, ip: r.ip,
    })),
    nextBeforeId: rows.length === filter.limit ? rows[rows.length - 1]!.id.toString() : null,
  };
}
