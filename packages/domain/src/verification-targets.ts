import type { OrgUnit } from './org';
import { isSubordinateOf } from './org-tree';

/** What the rule reads of a unit: its kind and tree relations (the web's unit list carries these too). */
export type TreeUnit = Pick<OrgUnit, 'id' | 'parentId' | 'superiorDepartmentId' | 'sameLevelGovernmentId'> & { kind: string };

/** Why a unit may not be asked for a 核报 about an incident; null when it may. */
export type VerificationTargetProblem = 'unknownUnit' | 'notBelowRequester' | 'notAnswerable';

type UnitIndex = ReadonlyMap<string, TreeUnit>;
const indexOf = (units: readonly TreeUnit[] | UnitIndex): UnitIndex => (units instanceof Map ? units : new Map((units as readonly TreeUnit[]).map((u) => [u.id, u])));
// isSubordinateOf walks the tree relations only, which a TreeUnit has.
const below = (index: UnitIndex, unitId: string, superiorId: string) => isSubordinateOf(index as ReadonlyMap<string, OrgUnit>, unitId, superiorId);

/**
 * Who a 核报 may go to (000 三（四）, docs/adr/0011): a unit under the requester (a duty office asks on behalf of
 * its government) that is answerable for the incident: the reporting unit, a unit above it, or the duty office
 * of a government above it. Anyone else would gain the dossier (a 核报's target sees it) without a reason to.
 */
export function verificationTargetProblem(
  units: readonly TreeUnit[] | UnitIndex,
  ids: { requesterUnitId: string; targetUnitId: string; reportingUnitId: string },
): VerificationTargetProblem | null {
  const index = indexOf(units);
  const requester = index.get(ids.requesterUnitId);
  const target = index.get(ids.targetUnitId);
  if (!requester || !target || !index.has(ids.reportingUnitId)) return 'unknownUnit';
  const authority = requester.kind === 'duty_office' && requester.parentId ? requester.parentId : requester.id;
  if (target.id === requester.id || !below(index, target.id, authority)) return 'notBelowRequester';
  const answerable =
    target.id === ids.reportingUnitId ||
    below(index, ids.reportingUnitId, target.id) ||
    (target.kind === 'duty_office' && !!target.parentId && below(index, ids.reportingUnitId, target.parentId));
  return answerable ? null : 'notAnswerable';
}

/** The units a requester may ask for a 核报 about an incident of `reportingUnitId`, in the order given. */
export function verificationTargets<U extends TreeUnit>(units: readonly U[], ids: { requesterUnitId: string; reportingUnitId: string }): U[] {
  const index = indexOf(units);
  return units.filter((unit) => verificationTargetProblem(index, { ...ids, targetUnitId: unit.id }) === null);
}
