import type { InboxRepository } from '@kuaibao/db';

/** The user-task kinds a report's clock covers: 核实 and 审签 in the timed span (docs/adr/0009). */
const CLOCKED_STEP_KINDS: ReadonlySet<string> = new Set(['verify', 'sign_off']);

/**
 * The open steps of an instance that hold its report back: 催办 and 迟报 concern them, not the receipts
 * open beside them (the city duty office acknowledging a 越级 copy is not late with anything).
 */
export async function clockedSteps(inbox: Pick<InboxRepository, 'openTasksOf'>, instanceKey: string) {
  return (await inbox.openTasksOf(instanceKey)).filter((task) => task.kind !== null && CLOCKED_STEP_KINDS.has(task.kind));
}
