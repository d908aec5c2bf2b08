import { z } from 'zod';
import { formatMessage, DEFAULT_LOCALE, type Locale } from './messages';
import { makeReportCorrectionsSchema } from './report-corrections';
import { makeVerificationSchemas } from './verification';
import type { ReportSchemaOptions } from './report';

/** Longest opinion (意见) a task decision may carry. */
export const OPINION_MAX_LENGTH = 2000;

/**
 * What each kind of user task accepts when it is completed, with messages in `locale`. The API parses
 * completions with these and the web forms validate with the same schemas.
 */
export function makeTaskDecisionSchemas(options: ReportSchemaOptions & { locale?: Locale } = {}) {
  const locale = options.locale ?? DEFAULT_LOCALE;
  const msg = (code: Parameters<typeof formatMessage>[1], params?: Record<string, number>) => formatMessage(locale, code, params);
  const opinion = z.string().trim().max(OPINION_MAX_LENGTH, msg('decision.opinionTooLong', { max: OPINION_MAX_LENGTH }));
  const corrections = makeReportCorrectionsSchema(options);

  /** 核实: confirm (optionally correcting fields) or close as not an incident, with a reason. */
  const verify = z.discriminatedUnion('decision', [
    z.strictObject({ decision: z.literal('confirm'), opinion: opinion.optional(), corrections: corrections.optional() }),
    z.strictObject({ decision: z.literal('close'), opinion: opinion.min(1, msg('decision.closeReasonRequired')) }),
  ]);
  /** 审签: approve, or return to verification with a required opinion. */
  const signOff = z.discriminatedUnion('decision', [
    z.strictObject({ decision: z.literal('approve'), opinion: opinion.optional() }),
    z.strictObject({ decision: z.literal('return'), opinion: opinion.min(1, msg('decision.returnOpinionRequired')) }),
  ]);
  /** 签收: acknowledge receipt, optionally with a note. */
  const acknowledge = z.strictObject({ opinion: opinion.optional() });
  /**
   * 核准上报 (004): the city duty office approves a report to the province. There is no refusal: the report must
   * reach the province ("核准后方可上报"); until the office approves, the task stays open and the province waits.
   */
  const approveUpward = z.strictObject({ decision: z.literal('approve'), opinion: opinion.optional() });
  /**
   * 省级报国务院 (002 一（三）): the province records that it has reported to the State Council; the note says how (电话、
   * 传真、文号). Recording it closes the province's clock at the time it is recorded (ADR 0057).
   */
  const reportStateCouncil = z.strictObject({ opinion: opinion.optional() });
  /** 核报反馈: by phone or in writing, with the answer. */
  const answerVerification = makeVerificationSchemas(locale).reply;

  return {
    verify,
    signOff,
    acknowledge,
    approveUpward,
    answerVerification,
    reportStateCouncil,
    /** By user-task kind (task header `kind`); kinds not listed cannot be completed through the ordinary API. */
    byKind: {
      verify,
      sign_off: signOff,
      /** 加签审签: the co-signer approves or returns, as the leader does (docs/adr/0041). */
      sector_sign_off: signOff,
      acknowledge_superior: acknowledge,
      acknowledge_government: acknowledge,
      receive_city: acknowledge,
      receive_city_direct: acknowledge,
      approve_upward: approveUpward,
      acknowledge_classified: acknowledge,
      answer_verification: answerVerification,
      receive_verification: acknowledge,
      report_state_council: reportStateCouncil,
    },
  };
}

const defaults = makeTaskDecisionSchemas();
export const verifyDecisionSchema = defaults.verify;
export const signOffDecisionSchema = defaults.signOff;
export const acknowledgeDecisionSchema = defaults.acknowledge;
export const approveUpwardDecisionSchema = defaults.approveUpward;
export const answerVerificationDecisionSchema = defaults.answerVerification;
export type VerifyDecision = z.infer<typeof verifyDecisionSchema>;
export type SignOffDecision = z.infer<typeof signOffDecisionSchema>;
export type AcknowledgeDecision = z.infer<typeof acknowledgeDecisionSchema>;
export type ApproveUpwardDecision = z.infer<typeof approveUpwardDecisionSchema>;
export type AnswerVerificationDecision = z.infer<typeof answerVerificationDecisionSchema>;
export type DecisionTaskKind = keyof typeof defaults.byKind;
export const DECISION_TASK_KINDS = Object.keys(defaults.byKind) as DecisionTaskKind[];
