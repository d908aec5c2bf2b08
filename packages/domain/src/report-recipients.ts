import { z } from 'zod';
import { DomainError } from './errors';
import { orgUnitSchema, type OrgUnit } from './org';
import { ancestorsOf, dutyOfficesOf, governmentOf, indexUnits, unitById, type OrgUnits } from './org-tree';

/** Who receives a unit's report (报送对象); the keys double as the `recipient` header of dispatch tasks. */
export const RECIPIENT_ROLES = [
  'superiorDepartment',
  'sameLevelGovernment',
  'sameLevelDutyOffice',
  'cityDutyOffice',
  /** 越级抄送: the direct copy to the city duty office of an urgent report (000), besides the level-by-level route. */
  'cityDutyOfficeDirect',
  /** 涉密: the duty office the secure channel delivered to; the system holds only the placeholder. */
  'secureRecipient',
  /** 核报: the unit asked to verify an item of the incident (it may then see the dossier). */
  'verificationTarget',
  /** 电话报告: the duty office that took the call which opened the dossier. */
  'phoneReceiver',
] as const;
export const recipientRoleSchema = z.enum(RECIPIENT_ROLES);
export type RecipientRole = z.infer<typeof recipientRoleSchema>;

export const reportRecipientsSchema = z.object({
  /** 上级主管部门: a department's superior department one level up (县应急管理局 → 市应急管理局). */
  superiorDepartment: orgUnitSchema.optional(),
  /** 同级政府: receives the same report at the same time (双重上报, 000/002/003). */
  sameLevelGovernment: orgUnitSchema.optional(),
  /** The duty office through which the same-level government receives it (its 值班室). */
  sameLevelDutyOffice: orgUnitSchema.optional(),
  /** 市政府总值班室 of the city the unit lies in (000: receives, acknowledges, asks for 核报). */
  cityDutyOffice: orgUnitSchema.optional(),
});
export type ReportRecipients = z.infer<typeof reportRecipientsSchema>;

/**
 * The recipients of a report from `unitId`, read from the tree (never hard-coded):
 * - a department below province level reports to its superior department AND to its same-level
 *   government through that government's duty office (双重上报);
 * - every unit at city level or below also has its city government duty office (for a city
 *   department that is the same office as its same-level duty office);
 * - governments, committees and duty offices have no superior department or same-level government.
 * A government that names its receiving duty office (`dutyOfficeId`) is reached through that one.
 * A recipient the rules call for but the tree lacks → DomainError NO_RECIPIENT (AMBIGUOUS_RECIPIENT
 * when a government has several duty offices); an unknown unit → UNIT_NOT_FOUND.
 */
export function reportRecipients(units: OrgUnits, unitId: string): ReportRecipients {
  const index = indexUnits(units);
  const unit = unitById(index, unitId);
  const missing = (recipient: RecipientRole) => new DomainError('NO_RECIPIENT', { recipient, unitId });
  const dutyOffice = (government: OrgUnit, recipient: RecipientRole): OrgUnit => {
    const named = government.dutyOfficeId === null ? undefined : index.get(government.dutyOfficeId);
    if (named) return named;
    const offices = dutyOfficesOf(index, government.id);
    if (offices.length > 1) throw new DomainError('AMBIGUOUS_RECIPIENT', { recipient, unitId, candidates: offices.map((o) => o.id).join(', ') });
    if (!offices[0]) throw missing(recipient);
    return offices[0];
  };
  const recipients: ReportRecipients = {};
  const government = governmentOf(index, unitId);

  if (unit.kind === 'department') {
    const superior = unit.superiorDepartmentId === null ? undefined : index.get(unit.superiorDepartmentId);
    if (superior) recipients.superiorDepartment = superior;
    else if (unit.level !== 'province') throw missing('superiorDepartment');
    if (!government) throw missing('sameLevelGovernment');
    recipients.sameLevelGovernment = government;
    recipients.sameLevelDutyOffice = dutyOffice(government, 'sameLevelDutyOffice');
  }

  if (unit.level !== 'province') {
    const chain = government ? [government, ...ancestorsOf(index, government.id)] : ancestorsOf(index, unitId);
    const city = chain.find((u) => u.kind === 'government' && u.level === 'city');
    if (!city) throw missing('cityDutyOffice');
    recipients.cityDutyOffice = dutyOffice(city, 'cityDutyOffice');
  }
  return recipients;
}
