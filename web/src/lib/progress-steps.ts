/**
 * The progress line of a report (issue 20): 提交 → 核实 → 审签 → 双重上报 → 市政府总值班室签收, each step done (with who and
 * when), current (an open task of it) or next — read from the dossier's trail and the workflow's open tasks.
 */
export type StepKey = 'submit' | 'verify' | 'sign_off' | 'dispatch' | 'receive_city';
export type StepState = 'done' | 'current' | 'next' | 'ended';

export interface ProgressStep {
  key: StepKey;
  state: StepState;
  who: string | null;
  at: string | null;
}

interface Entry { at: string; actor: string; action: string; detail: Record<string, unknown> | null; reportId: string | null }
interface Report { id: string; kind: string; status: string; workflow?: { state: string; openTasks: { kind: string | null; assignee: string | null }[] } | null | undefined }

/** The kinds of open tasks that mean a step is under way. */
const OPEN_KINDS: Record<StepKey, string[]> = {
  submit: [],
  verify: ['verify'],
  sign_off: ['sign_off', 'sector_sign_off'],
  dispatch: ['acknowledge_superior', 'acknowledge_government', 'approve_upward'],
  receive_city: ['receive_city'],
};

const DUAL = new Set(['superiorDepartment', 'sameLevelGovernment']);
const ENDED = new Set(['withdrawn', 'revoked']);

export function progressSteps(report: Report, trail: readonly Entry[]): ProgressStep[] {
  const mine = trail.filter((e) => e.reportId === report.id);
  const completed = (kinds: string[], decision?: string) =>
    mine.filter((e) => e.action === 'task.completed' && kinds.includes(String(e.detail?.kind ?? '')) && (!decision || e.detail?.decision === decision)).at(-1);
  const open = new Set((report.workflow?.openTasks ?? []).map((t) => t.kind ?? ''));
  const submitted = mine.find((e) => e.action === 'report.submitted');
  // 双重上报: to the superior department and the same-level government (not the 越级 copy)
  const dispatched = mine.filter((e) => e.action === 'report.dispatched' && DUAL.has(String(e.detail?.recipientRole ?? '')));
  const done: Record<StepKey, Entry | undefined> = {
    submit: submitted,
    verify: completed(['verify'], 'confirm'),
    sign_off: completed(['sign_off', 'sector_sign_off'], 'approve'),
    dispatch: dispatched.at(-1),
    receive_city: completed(['receive_city']),
  };
  const keys: StepKey[] = report.kind === 'first' ? ['submit', 'verify', 'sign_off', 'dispatch', 'receive_city'] : ['submit', 'sign_off', 'dispatch', 'receive_city'];
  const ended = ENDED.has(report.status) || report.workflow?.state === 'canceled';
  let reached = false;
  return keys.map((key) => {
    const entry = done[key];
    const current = OPEN_KINDS[key].some((k) => open.has(k));
    // A step with an open task is current even if done once before (returned and verified again).
    const state: StepState = current ? 'current' : entry && !reached ? 'done' : ended ? 'ended' : 'next';
    if (state !== 'done') reached = true;
    return { key, state, who: state === 'done' || state === 'current' ? (entry?.actor ?? null) : null, at: state === 'done' ? (entry?.at ?? null) : null };
  });
}
