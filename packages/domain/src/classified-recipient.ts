import { DomainError } from './errors';
import type { OrgUnit } from './org';
import { unitById, type OrgUnits } from './org-tree';
import { reportRecipients } from './report-recipients';

/**
 * The duty office that acknowledges a classified report's secure transmission: the one the sender named
 * (it must be a duty office), else the city duty office of the reporting unit (000: 市政府总值班室 receives).
 * A named unit that does not exist → UNIT_NOT_FOUND; one that is not a duty office, or no city above a
 * province-level sender → NO_RECIPIENT.
 */
export function secureRecipientOf(units: OrgUnits, reportingUnitId: string, namedUnitId?: string | null): OrgUnit {
  if (namedUnitId) {
    const named = unitById(units, namedUnitId);
    if (named.kind !== 'duty_office') throw new DomainError('NO_RECIPIENT', { recipient: 'secureRecipient', unitId: reportingUnitId });
    return named;
  }
  const office = unitById(units, reportingUnitId).level === 'province' ? undefined : reportRecipients(units, reportingUnitId).cityDutyOffice;
  if (!office) throw new DomainError('NO_RECIPIENT', { recipient: 'secureRecipient', unitId: reportingUnitId });
  return office;
}
