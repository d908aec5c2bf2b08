import { TASK_TYPES } from '@kuaibao/domain';
import type { Handler } from './handler';
import { closeIncidentHandler } from './handlers/close-incident';
import { clearUpwardHandler } from './handlers/clear-upward';
import { closeReportHandler } from './handlers/close-report';
import { completeReportHandler } from './handlers/complete-report';
import type { HandlerDeps } from './handlers/deps';
import { dispatchHandler } from './handlers/dispatch';
import { recordVerificationReplyHandler } from './handlers/record-verification-reply';
import { resolveRecipientsHandler } from './handlers/recipients';
import { returnReportHandler } from './handlers/return-report';
import { resolveClockHandler } from './handlers/resolve-clock';
import { resolveSecureRecipientHandler } from './handlers/secure-recipient';

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
  };
}
