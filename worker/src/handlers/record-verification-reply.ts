import { clocksMetBy, isLate, VERIFICATION_REPLY_CHANNELS, verificationContentSchema } from '@kuaibao/domain';
import { complete, fail } from '@kuaibao/engine';
import { z } from 'zod';
import { effectKey, withVariables, type Handler } from '../handler';
import type { HandlerDeps } from './deps';

const variablesSchema = z.object({
  reportId: z.string().min(1),
  incidentNumber: z.string().min(1),
  replyChannel: z.enum(VERIFICATION_REPLY_CHANNELS),
  replyText: z.string().min(1),
  repliedAt: z.iso.datetime({ offset: true }),
  repliedBy: z.string().min(1),
  repliedById: z.string().nullish(),
  /** From the resolve-clock step: the due times and the rules they come from. */
  clocks: z.object({
    policyCode: z.string(),
    policyVersion: z.number(),
    phoneDueAt: z.string().nullable(),
    writtenDueAt: z.string().nullable(),
    rules: z.array(z.object({ channel: z.string(), dueAt: z.string(), rule: z.string() })),
  }),
});

/**
 * 核报反馈: records the unit's answer in the 核报's dossier entry and measures it against the clocks of the
 * policy (phone ≤ 1 h, written ≤ 2 h 30 min in 000). A late answer is 迟报: the audit entry carries the
 * evidence — deadline, rule, policy and version, actual time.
 */
export function recordVerificationReplyHandler(deps: HandlerDeps): Handler {
  return withVariables(variablesSchema, async (variables, job) => {
    const report = await deps.incidents.getReport(variables.reportId);
    if (!report || !verificationContentSchema.safeParse(report.content).success) return fail(`核报 ${variables.reportId} 不存在或内容无效`, { retries: 0 });
    const key = effectKey(job, 'reply');
    // Read again inside the completion's transaction: the replies there are the ones this answer appends to.
    return complete(
      undefined,
      deps.writes(async ({ incidents, audit }) => {
        const content = verificationContentSchema.parse((await incidents.getReport(variables.reportId))?.content);
        if (content.replies.some((r) => r.key === key)) return;
        const { clocks } = variables;
        const measured = clocksMetBy(variables.replyChannel, content.replies.length).map((channel) => {
          const dueAt = channel === 'phone' ? clocks.phoneDueAt : clocks.writtenDueAt;
          return { channel, dueAt, late: dueAt !== null && isLate(dueAt, variables.repliedAt) };
        });
        const reply = { key, channel: variables.replyChannel, text: variables.replyText, repliedAt: variables.repliedAt, repliedBy: variables.repliedBy, measured };
        await incidents.updateReportContent(variables.reportId, { ...content, replies: [...content.replies, reply] });
        await incidents.setReportStatus(variables.reportId, variables.replyChannel === 'written' ? 'answered' : 'phone_answered');
        await audit.append({
          incidentNumber: variables.incidentNumber,
          reportId: variables.reportId,
          actorId: variables.repliedById ?? null,
          actorName: variables.repliedBy,
          action: measured.some((m) => m.late) ? 'verification.replied_late' : 'verification.replied',
          detail: {
            channel: variables.replyChannel,
            repliedAt: variables.repliedAt,
            policyCode: clocks.policyCode,
            policyVersion: clocks.policyVersion,
            measured: measured.map((m) => ({ ...m, rule: clocks.rules.find((r) => r.channel === m.channel)?.rule ?? null })),
          },
          dedupeKey: key,
          at: new Date(variables.repliedAt),
        });
      }),
    );
  });
}
