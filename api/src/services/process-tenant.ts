import { DEFAULT_POLICY_CODE, policyCandidates } from '@kuaibao/domain';
import type { ApiDeps } from '../deps';

/**
 * The engine tenant a report's process starts in (docs/adr/0036): the nearest jurisdiction up the reporting unit's
 * division codes (county, city, province) that deployed this process in the designer; else none, the shipped default.
 * The engine starts the newest version of that tenant; running instances keep theirs.
 */
export async function processTenant(deps: Pick<ApiDeps, 'designs'>, bpmnProcessId: string, divisionCode: string): Promise<{ tenantId?: string }> {
  const candidates = policyCandidates(divisionCode).filter((code) => code !== DEFAULT_POLICY_CODE);
  const deployed = new Set(await deps.designs.jurisdictionsWith(bpmnProcessId, candidates));
  const tenantId = candidates.find((code) => deployed.has(code));
  return tenantId ? { tenantId } : {};
}

/** processTenant for a unit of the org tree (its division code). */
export async function processTenantOfUnit(deps: Pick<ApiDeps, 'designs' | 'orgUnits'>, bpmnProcessId: string, unitId: string): Promise<{ tenantId?: string }> {
  const unit = await deps.orgUnits.get(unitId);
  return unit ? processTenant(deps, bpmnProcessId, unit.divisionCode) : {};
}
