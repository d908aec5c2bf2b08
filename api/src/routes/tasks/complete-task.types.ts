import { makeTaskDecisionSchemas } from '@kuaibao/domain';

/** The decisions per task kind live in the domain: the web forms validate with the same schemas. */
const decisions = makeTaskDecisionSchemas();

/** 核实: confirm (optionally correcting fields) or close as not an incident, with a reason. */
export const completeVerifySchema = decisions.verify;
/** 审签: approve, or return to verification with a required opinion. */
export const completeSignOffSchema = decisions.signOff;
/** 签收: acknowledge receipt. */
export const completeAcknowledgeSchema = decisions.acknowledge;

/** 核准上报 (004): the city duty office approves a report to a provincial department. */
export const completeApproveUpwardSchema = decisions.approveUpward;
/** 核报反馈: by phone or in writing, with the answer. */
export const completeAnswerVerificationSchema = decisions.answerVerification;

export const COMPLETION_SCHEMAS = decisions.byKind;
