import type { ReportStatus } from './report-status';

/** Process ids (`bpmn:process id`) of processes/*.bpmn. */
export const PROCESS_IDS = {
  /** The default flow: submit → verify → sign-off → 双重上报 → city duty office receives. */
  incidentReport: 'incident-report',
  /** 核报: a duty office asks a unit to verify; phone answer ≤ 1 h, written ≤ 2 h 30 min (000). */
  verificationRequest: 'verification-request',
  /** 续报 and 终报: sign-off → 双重上报 to the same recipients → city duty office; 终报 then closes the incident. */
  followUpReport: 'follow-up-report',
  /** 涉密: the content went through a secure channel; the system keeps a placeholder and its acknowledgement. */
  classifiedReport: 'classified-report',
  /** 领导批示: the 落实 deadline as a timer; when it passes, the units that have not reported are marked and alerted (ADR 0061). */
  leaderInstruction: 'leader-instruction',
} as const;

export type ProcessId = (typeof PROCESS_IDS)[keyof typeof PROCESS_IDS];
/** The processes a report runs (the leader-instruction timer is not one: no report, no status). */
export type ReportProcessId = Exclude<ProcessId, typeof PROCESS_IDS.leaderInstruction>;

/**
 * The status of a report once its process runs: what its submit sets when the start succeeds, and what
 * the restart reconciliation sets for a submit a crash interrupted after the process had started.
 */
export const REPORT_STATUS_ONCE_STARTED: Record<ReportProcessId, ReportStatus> = {
  [PROCESS_IDS.incidentReport]: 'verifying',
  [PROCESS_IDS.verificationRequest]: 'requested',
  [PROCESS_IDS.followUpReport]: 'signing',
  // the placeholder is signed off first, on the clocks of its grade (ADR 0031)
  [PROCESS_IDS.classifiedReport]: 'signing',
};

/** The status of a report once an instance of `processId` started for it; undefined for a process that is not a report's. */
export const reportStatusOnceStarted = (processId: string): ReportStatus | undefined =>
  Object.hasOwn(REPORT_STATUS_ONCE_STARTED, processId) ? REPORT_STATUS_ONCE_STARTED[processId as ReportProcessId] : undefined;

/** Job types of service tasks (`zeebe:taskDefinition type`); each has exactly one handler in worker/. */
export const TASK_TYPES = {
  /** 确定报送对象: recipients and candidate groups from the org tree (`reportRecipients`). */
  resolveRecipients: 'kuaibao.report.resolve-recipients',
  /** 报送: deliver the signed report to the recipient named by the task header `recipient`. */
  dispatch: 'kuaibao.report.dispatch',
  /** Close a report the verifier found is not an incident. */
  close: 'kuaibao.report.close',
  /** The reporting chain of one report is complete (the city duty office received it). */
  complete: 'kuaibao.report.complete',
  /** The unit leader returned a 续报/终报: it ends unsent (status returned) and the reporter files a new one. */
  returnReport: 'kuaibao.report.return',
  /** 终报 received by the city duty office: the incident is closed. */
  closeIncident: 'kuaibao.incident.close',
  /** 法定时限: the due times of the jurisdiction's clocks (phone, written; from 事发/获知/接报). */
  resolveClock: 'kuaibao.clock.resolve',
  /** The signed report goes out: each open clock ends met or 迟报 (late delivery recorded with its evidence). */
  settleClocks: 'kuaibao.clock.settle',
  /** 核实 changed the grade: start the stricter clocks from the original instants and add the routes it needs (ADR 0057). */
  regrade: 'kuaibao.report.regrade',
  /** Append a step, decision or message to the incident's audit trail. */
  recordAudit: 'kuaibao.audit.record',
  /** Remind the candidates of an open task before its clock runs out. */
  remind: 'kuaibao.notify.remind',
  /** A clock ran out (task header `channel`): record 迟报 with its evidence and alert the escalation recipients. */
  overdue: 'kuaibao.notify.overdue',
  /** Relay a leader's instruction (批示) to the incident's unit (002). */
  relayInstruction: 'kuaibao.instruction.relay',
  /** 落实时限将至 (催办, clocks.instructionRemindAt): remind the named units that have not reported 落实情况, and the relaying duty office. */
  instructionRemind: 'kuaibao.instruction.remind',
  /** 落实时限届满: mark the named units that have not reported 落实情况 overdue and alert them and the relaying duty office. */
  instructionOverdue: 'kuaibao.instruction.overdue',
  /** 004: release the report to the superior department (message `upwardCleared`), by policy or after the city duty office approved. */
  clearUpward: 'kuaibao.report.clear-upward',
  /** 核报反馈: record a phone or written answer to a 核报 request, on time or 迟报 against its clock. */
  recordVerificationReply: 'kuaibao.verification.record-reply',
  /** 000: tell the units that received a report before 核实 how it ended (header `outcome`: confirmed, revoked). */
  announceVerification: 'kuaibao.report.announce-verification',
  /** 涉密: the duty office that acknowledges a classified report's secure transmission. */
  resolveSecureRecipient: 'kuaibao.classified.resolve-recipient',
} as const;
export type TaskType = (typeof TASK_TYPES)[keyof typeof TASK_TYPES];

/** Kinds of user tasks (task header `kind`, form key `kuaibao:<kind>`); each has its form and inbox view. */
export const USER_TASK_KINDS = [
  'verify',
  'sign_off',
  /** 重特大: the sector leader (战线主管领导) approves as well (003); also the co-signer a leader adds (加签, docs/adr/0041). */
  'sector_sign_off',
  'acknowledge_superior',
  'acknowledge_government',
  'receive_city',
  /** The city duty office acknowledges a direct (越级) copy sent at once, before verification (000). */
  'receive_city_direct',
  /** The recipient duty office confirms that a classified report arrived through its secure channel. */
  'acknowledge_classified',
  /** The requester of a 核报 receives the answer. */
  'receive_verification',
  /** The city duty office approves before a city bureau reports to the province (004: no 信息倒流). */
  'approve_upward',
  /** The unit answers a 核报 request. */
  'answer_verification',
  /** The unit reports how a leader's instruction (批示) was carried out (002). */
  'instruction_feedback',
  /** The provincial recipient records its report to the State Council, which closes its own 4-hour clock (002, ADR 0057). */
  'report_state_council',
] as const;
export type UserTaskKind = (typeof USER_TASK_KINDS)[number];

/**
 * 加签 (docs/adr/0041): where a co-signer signs relative to the leader who adds them — 前加签 (before: the task comes
 * back to the leader) or 后加签 (after: the co-signer's approval sends the report). A sign-off task lists the positions
 * its flow allows in its header `coSign` ("before,after").
 */
export const CO_SIGN_POSITIONS = ['before', 'after'] as const;
export type CoSignPosition = (typeof CO_SIGN_POSITIONS)[number];

/** The user-task kind by which each recipient acknowledges a dispatched report (签收). */
export const RECEIPT_TASK_KIND = {
  superiorDepartment: 'acknowledge_superior',
  sameLevelGovernment: 'acknowledge_government',
  cityDutyOffice: 'receive_city',
  cityDutyOfficeDirect: 'receive_city_direct',
  secureRecipient: 'acknowledge_classified',
} as const satisfies Record<string, UserTaskKind>;

/** Custom header keys read by handlers and the inbox. */
export const TASK_HEADERS = { kind: 'kind', recipient: 'recipient', receiver: 'receiver', channel: 'channel' } as const;

/** Message names (`bpmn:message name`); the correlation key is the incident number unless noted. */
export const MESSAGES = {
  /** 签收回执: a recipient acknowledged a dispatched report. */
  reportReceipt: 'kuaibao.report.receipt',
  /** 续报 submitted for an incident already in flight. */
  followUpSubmitted: 'kuaibao.report.follow-up',
  /** 终报 submitted: the incident may close once it is received. */
  finalSubmitted: 'kuaibao.report.final',
  /** 核报 requested by a duty office (starts verification-request). */
  verificationRequested: 'kuaibao.verification.requested',
  /** 核报 answered by the unit (phone or written). */
  verificationReply: 'kuaibao.verification.reply',
  /** 004: the report may go to the superior department (correlation key: the report id). */
  upwardCleared: 'kuaibao.report.upward-cleared',
  /** A leader's instruction (批示) on the incident. */
  leaderInstruction: 'kuaibao.instruction.issued',
} as const;
export type MessageName = (typeof MESSAGES)[keyof typeof MESSAGES];

/** BPMN error codes handlers throw as business outcomes (caught by boundary events). */
export const ERROR_CODES = {
  /** The verifier found the report is not an incident. */
  NOT_AN_INCIDENT: 'NOT_AN_INCIDENT',
  /** The org tree lacks a recipient the flow needs (DomainError NO_RECIPIENT). */
  NO_RECIPIENT: 'NO_RECIPIENT',
  /** Classified content reached the ordinary channel: stop and route it to a secure channel. */
  CLASSIFIED_CONTENT: 'CLASSIFIED_CONTENT',
  /** The jurisdiction has no deadline policy for this report. */
  NO_DEADLINE_POLICY: 'NO_DEADLINE_POLICY',
  /** The report failed validation against its schema. */
  INVALID_REPORT: 'INVALID_REPORT',
} as const;
export type ErrorCode = (typeof ERROR_CODES)[keyof typeof ERROR_CODES];
