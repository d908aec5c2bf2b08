import { onDutyAt } from '@kuaibao/domain';
import type { DutyRosterRepository, UserRepository } from '@kuaibao/db';
import type { NotifyTarget } from './notifier';

export interface OnDutyDeps {
  users: Pick<UserRepository, 'get'>;
  /** The duty rosters (issue 23); absent, everyone of the role is reached as before rosters existed. */
  roster?: Pick<DutyRosterRepository, 'between'> | undefined;
  now: () => Date;
}

/**
 * Whom to text at a duty office now, from its roster (domain `onDutyAt`: the duty day runs from the 08:30 handover, so
 * a night-time alert reaches the evening's people): its 带班领导 or its 值班员. Null when the duty day has no roster —
 * the caller then falls back to everyone of the role, so a missing roster never silences an alert.
 */
export async function onDutyTargets(deps: OnDutyDeps, unitId: string, who: 'leader' | 'officers'): Promise<NotifyTarget[] | null> {
  if (!deps.roster) return null;
  const now = deps.now();
  const yesterday = new Date(now.getTime() - 24 * 60 * 60_000).toISOString().slice(0, 10);
  const tomorrow = new Date(now.getTime() + 24 * 60 * 60_000).toISOString().slice(0, 10);
  const current = onDutyAt(await deps.roster.between([unitId], yesterday, tomorrow), unitId, now);
  if (!current) return null;
  const ids = who === 'leader' ? [current.leaderUserId] : current.officerUserIds;
  const targets: NotifyTarget[] = [];
  for (const id of ids) {
    const user = await deps.users.get(id);
    if (user?.active) targets.push({ id: user.id, displayName: user.displayName, phone: user.phone });
  }
  // a roster naming only people who have since left reaches nobody: fall back rather than go silent
  return targets.length > 0 ? targets : null;
}
