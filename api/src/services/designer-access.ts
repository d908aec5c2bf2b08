import { hasRole, type SessionUser } from '@kuaibao/domain';
import type { ApiDeps } from '../deps';
import { AppError, bilingual } from '../errors/app-error';

/** A jurisdiction (engine tenant) is a county, city or province division code, e.g. 530900 临沧. */
export const JURISDICTION_PATTERN = /^\d{6}$/;

const notFound = (code: string) => new AppError('NOT_FOUND', bilingual(`辖区 ${code} 不存在或无权访问`, `Jurisdiction ${code} not found`));

/**
 * Who designs a jurisdiction's flows (docs/adr/0036): a designer of a unit of that division, or an admin. Anyone else
 * gets 404: which jurisdictions design their own flows is not theirs to learn.
 */
export async function assertDesigns(deps: ApiDeps, user: SessionUser, jurisdiction: string): Promise<void> {
  if (!JURISDICTION_PATTERN.test(jurisdiction)) throw notFound(jurisdiction);
  if (hasRole(user, 'admin')) {
    const known = (await deps.orgUnits.all()).some((u) => u.divisionCode === jurisdiction);
    if (!known) throw notFound(jurisdiction);
    return;
  }
  if (!hasRole(user, 'designer')) throw notFound(jurisdiction);
  const unit = await deps.orgUnits.get(user.unitId);
  if (unit?.divisionCode !== jurisdiction) throw notFound(jurisdiction);
}

/** The jurisdiction a user designs for by default: their unit's division. */
export async function homeJurisdiction(deps: ApiDeps, user: SessionUser): Promise<string | null> {
  const unit = await deps.orgUnits.get(user.unitId);
  return unit && JURISDICTION_PATTERN.test(unit.divisionCode) ? unit.divisionCode : null;
}
