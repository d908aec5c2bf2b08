import type { Role } from './roles';
import { TASK_TYPES, type TaskType } from './constants';

/**
 * The job types the worker answers (worker/src/create-handlers.ts; a worker test keeps the two equal). A designed
 * flow may use no other: a service task whose type nobody handles would wait forever (docs/adr/0037).
 */
export const HANDLED_TASK_TYPES: readonly TaskType[] = [
  TASK_TYPES.resolveRecipients,
  TASK_TYPES.dispatch,
  TASK_TYPES.close,
  TASK_TYPES.complete,
  TASK_TYPES.returnReport,
  TASK_TYPES.closeIncident,
  TASK_TYPES.clearUpward,
  TASK_TYPES.resolveSecureRecipient,
  TASK_TYPES.resolveClock,
  TASK_TYPES.recordVerificationReply,
  TASK_TYPES.remind,
  TASK_TYPES.overdue,
  TASK_TYPES.settleClocks,
  TASK_TYPES.announceVerification,
  TASK_TYPES.regrade,
  TASK_TYPES.instructionRemind,
  TASK_TYPES.instructionOverdue,
];

/**
 * The candidate-group variables the flow's handlers and services set (`=groups.<name>`), with the role each resolves to
 * in the org tree: a user task of a designed flow names one of these, or a literal `unit:<unitId>:<role>` group.
 */
export const CANDIDATE_GROUP_VARIABLES: Readonly<Record<string, Role>> = {
  verifier: 'verifier',
  leader: 'leader',
  superiorDuty: 'duty_officer',
  governmentDuty: 'duty_officer',
  cityDuty: 'duty_officer',
  secureRecipientDuty: 'duty_officer',
  answer: 'reporter',
  requester: 'duty_officer',
};

/** The processes a jurisdiction may design, as processes/ ships them (the file is the default of every jurisdiction). */
export const DESIGNABLE_PROCESSES = [
  { bpmnProcessId: 'incident-report', resourceName: 'incident-report.bpmn' },
  { bpmnProcessId: 'follow-up-report', resourceName: 'follow-up-report.bpmn' },
  { bpmnProcessId: 'verification-request', resourceName: 'verification-request.bpmn' },
  { bpmnProcessId: 'classified-report', resourceName: 'classified-report.bpmn' },
] as const;
export type DesignableProcessId = (typeof DESIGNABLE_PROCESSES)[number]['bpmnProcessId'];
export const isDesignableProcess = (id: string): id is DesignableProcessId => DESIGNABLE_PROCESSES.some((p) => p.bpmnProcessId === id);

/** The largest BPMN document the designer accepts (the default flow is ~45 KB). */
export const MAX_BPMN_BYTES = 1024 * 1024;
