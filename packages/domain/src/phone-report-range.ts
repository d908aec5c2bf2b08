import { indexUnits, type OrgUnits } from './org-tree';

/**
 * The units whose phone reports a duty officer may record (先电话报告). A duty office (总值班室/值班室) takes calls from every
 * unit under the government it serves; any other unit's duty officer from its own unit and its line below it: the units under
 * it and the departments naming it (or one of those) as superior department. 临沧市应急管理局's officer takes 双江县应急管理局's
 * call, not 双江县森林公安局's: that is another line, though under the same city.
 */
export function phoneReportCallers(units: OrgUnits, receiverUnitId: string): Set<string> {
  const index = indexUnits(units);
  const receiver = index.get(receiverUnitId);
  if (!receiver) return new Set();
  const isDutyOffice = receiver.kind === 'duty_office';
  const found = new Set([isDutyOffice && receiver.parentId !== null ? receiver.parentId : receiver.id]);
  const below = (unit: { parentId: string | null; superiorDepartmentId: string | null }) =>
    (unit.parentId !== null && found.has(unit.parentId)) || (!isDutyOffice && unit.superiorDepartmentId !== null && found.has(unit.superiorDepartmentId));
  for (let grew = true; grew; ) {
    grew = false;
    for (const unit of index.values()) if (!found.has(unit.id) && below(unit)) grew = found.add(unit.id).size > 0;
  }
  return found;
}
