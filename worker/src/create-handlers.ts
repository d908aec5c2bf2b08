import { TASK_TYPES } from '@kuaibao/domain';
import type { Handler } from './handler';
import { announceVerificationHandler } from './handlers/announce-verification';
import { closeIncidentHandler } from './handlers/close-incident';
import { clearUpwardHandler } from './handlers/clear-upward';
import { closeReportHandler } from './handlers/close-report';
import { completeReportHandler } from './handlers/complete-report';
import type { HandlerDeps } from './handlers/deps';
import { dispatchHandler } from './handlers/dispatch';
import { instructionOverdueHandler } from './handlers/instruction-overdue';
import { instructionRemindHandler } from './handlers/instruction-remind';
import { markOverdueHandler } from './handlers/mark-overdue';
import { resolveRecipientsHandler } from './handlers/recipients';
import { recordVerificationReplyHandler } from './handlers/record-verification-reply';
import { regradeHandler } from './handlers/regrade';
import { remindHandler } from './handlers/remind';
import { resolveClockHandler } from './handlers/resolve-clock';
import { returnReportHandler } from './handlers/return-report';
import { resolveSecureRecipientHandler } from './handlers/secure-recipient';
import { settleClocksHandler } from './handlers/settle-clocks';

/** Every job type of processes/*.bpmn with its handler (a test keeps the two in step). */
export function createHandlers(deps: HandlerDeps): Record<string, Handler> {
  return {
    [TASK_TYPES.resolveRecipients]: resolveRecipientsHandler(deps),
    [TASK_TYPES.dispatch]: dispatchHandler(deps),
    [TASK_TYPES.close]: closeReportHandler(deps),
    [TASK_TYPES.complete]: completeReportHandler(deps),
    [TASK_TYPES.returnReport]: returnReportHandler(deps),
    [TASK_TYPES.closeIncident]: closeIncidentHandler(deps),
    [TASK_TYPES.clearUpward]: clearUpwardHandler(deps),
    [TASK_TYPES.resolveSecureRecipient]: resolveSecureRecipientHandler(deps),
    [TASK_TYPES.resolveClock]: resolveClockHandler(deps),
    [TASK_TYPES.recordVerificationReply]: recordVerificationReplyHandler(deps),
    [TASK_TYPES.remind]: remindHandler(deps),
    [TASK_TYPES.overdue]: markOverdueHandler(deps),
    [TASK_TYPES.settleClocks]: settleClocksHandler(deps),
    [TASK_TYPES.announceVerification]: announceVerificationHandler(deps),
    [TASK_TYPES.regrade]: regradeHandler(deps),
    [TASK_TYPES.instructionRemind]: instructionRemindHandler(deps),
    [TASK_TYPES.instructionOverdue]: instructionOverdueHandler(deps),
  };
}
