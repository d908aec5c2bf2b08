import type { InboxRepository } from '@kuaibao/db';

/**
 * The user-task kinds each party's clock covers: the reporting unit's, 核实 and 审签 in the timed span (docs/adr/0009);
 * the province's own, its report to the State Council (docs/adr/0057).
 */
const CLOCKED_STEP_KINDS: Record<string, ReadonlySet<string>> = {
  reporting_unit: new Set(['verify', 'sign_off']),
  province: new Set(['report_state_council']),
};

/**
 * The open steps of an instance that hold its report back: 催办 and 迟报 concern them, not the receipts
 * open beside them (the city duty office acknowledging a 越级 copy is not late with anything).
 */
export async function clockedSteps(inbox: Pick<InboxRepository, 'openTasksOf'>, instanceKey: string, party = 'reporting_unit') {
  const kinds = CLOCKED_STEP_KINDS[party] ?? CLOCKED_STEP_KINDS.reporting_unit!;
  return (await inbox.openTasksOf(instanceKey)).filter((task) => task.kind !== null && kinds.has(task.kind));
}
