import type { Locale } from './messages';

/**
 * A report's status is the step it has reached (issue 19 item 8): one code per step, the same code in the
 * API, the inbox, the dossier and the statistics, labelled from `REPORT_STATUS_LABELS`.
 * - submitting: saved, its workflow starting; verifying 核实中; signing 审签中; reported 已报出 (sent to its
 *   recipients, their 签收 open); received 已签收 (the city duty office acknowledged it); concluded 已办结 (the
 *   incident closed with it, or a 涉密 placeholder's chain ended); revoked 已撤销 (核实 found no incident);
 *   returned 已退回 (a 续报/终报 the leader sent back).
 * - 核报 requests: requested 待反馈, phone_answered, answered. A phone report (电话报告) is received on the call.
 */
export const REPORT_STATUSES = [
  'submitting',
  'verifying',
  'signing',
  'reported',
  'received',
  'concluded',
  'revoked',
  'returned',
  /** 已撤回: the submitter took it back before anyone acted on it (docs/adr/0052). */
  'withdrawn',
  'requested',
  'phone_answered',
  'answered',
] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export const REPORT_STATUS_LABELS: Record<Locale, Record<ReportStatus, string>> = {
  'zh-CN': {
    submitting: '提交中',
    verifying: '核实中',
    signing: '审签中',
    reported: '已报出',
    received: '已签收',
    concluded: '已办结',
    revoked: '已撤销',
    returned: '已退回',
    withdrawn: '已撤回',
    requested: '待反馈',
    phone_answered: '已电话反馈',
    answered: '已书面反馈',
  },
  en: {
    submitting: 'Submitting',
    verifying: 'Verifying',
    signing: 'Awaiting sign-off',
    reported: 'Reported',
    received: 'Received',
    concluded: 'Concluded',
    revoked: 'Revoked',
    returned: 'Returned',
    withdrawn: 'Withdrawn',
    requested: 'Awaiting answer',
    phone_answered: 'Answered by phone',
    answered: 'Answered in writing',
  },
};

/** The label of a status code; a code this map does not know (an old row) shows as itself. */
export const reportStatusLabel = (status: string, locale: Locale): string =>
  (REPORT_STATUS_LABELS[locale] as Record<string, string>)[status] ?? status;

/**
 * 未经核实: a report not yet through 核实 (000: the 双江 lesson). Whoever sees it before then — the city duty office
 * holding a 越级 copy — sees it marked so.
 */
export const isUnverified = (status: string): boolean => status === 'submitting' || status === 'verifying';

/** The step each service task moves a report to (the worker's handlers set it when they run). */
export const STATUS_OF_STEP = {
  /** 报送: the report left the unit (a 越级 copy before 核实 leaves the status alone). */
  dispatched: 'reported',
  /** The city duty office acknowledged it: this report's chain is complete. */
  completed: 'received',
  /** 核实 found no incident: the report and whatever it reached are withdrawn. */
  closedNotIncident: 'revoked',
  /** The incident closed with this report (终报, or a classified placeholder's 终报). */
  concluded: 'concluded',
  /** The leader returned a 续报/终报. */
  returned: 'returned',
} as const satisfies Record<string, ReportStatus>;

/**
 * What a user task's decision moves the report to, where the engine's next step is another user task (no
 * handler runs in between to say so). `from` guards the change: a step already further on is never set back.
 */
export const STATUS_AFTER_DECISION: readonly { taskKind: string; decision: string; reportKind?: string; from: ReportStatus; to: ReportStatus }[] = [
  { taskKind: 'verify', decision: 'confirm', from: 'verifying', to: 'signing' },
  /** A 首报's leader sends it back to 核实 (a 续报's return ends it: `returned`). */
  { taskKind: 'sign_off', decision: 'return', reportKind: 'first', from: 'signing', to: 'verifying' },
  /** 加签: the co-signer sends it back to 核实 as the leader would (docs/adr/0041). */
  { taskKind: 'sector_sign_off', decision: 'return', reportKind: 'first', from: 'signing', to: 'verifying' },
];

/** The status change a completed task makes, if any. */
export function statusAfterDecision(taskKind: string | undefined, decision: string | null, reportKind: string) {
  return STATUS_AFTER_DECISION.find((t) => t.taskKind === taskKind && t.decision === decision && (t.reportKind === undefined || t.reportKind === reportKind));
}
