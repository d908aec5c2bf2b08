import { makeReportSchemas, makeTaskDecisionSchemas } from '@kuaibao/domain';
import { z } from 'zod';
import { clientIp, requireUser } from '../../auth/session-user';
import type { RouteModule } from '../../deps';
import { AppError, bilingual } from '../../errors/app-error';
import { parseBody, parseParams } from '../../http/validate';
import { completeTask as complete, visibleTask } from '../../services/task-service';
import { ensureNotDelegated } from '../../services/task-transfer';
import { coSignDecisionVariables, coSignOf, returnSignOffToRequester } from '../../services/task-co-sign';
import { taskParamsSchema } from './get-task';
import { perLocale } from '../../http/locale';
import {
  COMPLETION_SCHEMAS, completeAcknowledgeSchema, completeAnswerVerificationSchema, completeApproveUpwardSchema, completeSignOffSchema, completeVerifySchema,
} from './complete-task.types';

export const completeTask: RouteModule = ({ router, registry, deps }) => {
  // Messages in the caller's language; corrections of a report's times are held to the server's clock.
  const schemasFor = perLocale((locale) => makeTaskDecisionSchemas({ locale, now: deps.now }).byKind);
  // A corrected report is still a 首报: its rules, in the caller's language.
  const reportRulesFor = perLocale((locale) => makeReportSchemas({ locale, now: deps.now }).first);
  registry.registerPath({
    method: 'post',
    path: '/api/tasks/{key}/complete',
    tags: ['tasks'],
    summary: '办理 / Complete a task with the decision its kind allows',
    request: {
      params: taskParamsSchema,
      body: { content: { 'application/json': { schema: z.union([completeVerifySchema, completeSignOffSchema, completeAcknowledgeSchema, completeApproveUpwardSchema, completeAnswerVerificationSchema]) } } },
    },
    responses: { 204: { description: 'Completed' }, 400: { description: 'Decision not valid for this task kind' }, 409: { description: 'Already completed or claimed by someone else' } },
  });

  router.post('/api/tasks/:key/complete', async (req, res) => {
    const user = requireUser(res);
    const { key } = parseParams(taskParamsSchema, req);
    const { task, report } = await visibleTask(deps, user, key);
    await ensureNotDelegated(deps, report.incidentNumber, key); // 委派: the delegatee gives it back, the delegator decides
    const kind = task.customHeaders.kind as keyof typeof COMPLETION_SCHEMAS | undefined;
    const schema = kind && schemasFor(req)[kind];
    if (!schema) throw new AppError('CONFLICT', bilingual(`此类任务（${kind ?? '无'}）不能在此办理`, `Task kind ${kind ?? '(none)'} cannot be completed here`));
    const body = parseBody(schema as z.ZodType<{ decision?: string; opinion?: string; corrections?: Record<string, unknown>; channel?: string; reply?: string }>, req);
    const opinion = body.opinion ?? null;
    const variables =
      kind === 'verify' ? { verifyDecision: body.decision, verifyOpinion: opinion }
      : kind === 'sign_off' ? { signOffDecision: body.decision, signOffOpinion: opinion }
      // 加签审签: what the co-signer's 同意 does depends on where they were added (docs/adr/0041)
      : kind === 'sector_sign_off' ? await coSignDecisionVariables(deps, task, body.decision ?? 'return', opinion)
      : kind === 'approve_upward' ? { upwardOpinion: opinion }
      // 核报反馈: the record-reply step measures it against the clocks; the answer travels as variables.
      : kind === 'answer_verification' ? { replyChannel: body.channel, replyText: body.reply, repliedAt: deps.now().toISOString(), repliedBy: user.displayName, repliedById: user.id }
      : {};
    await complete(deps, user, key, { variables, decision: body.decision ?? body.channel ?? null, opinion, corrections: body.corrections, reportRules: reportRulesFor(req) }, clientIp(req));
    if (kind === 'sector_sign_off' && variables.signOffDecision === 'co_signed') {
      const coSign = await coSignOf(deps, task);
      if (coSign) await returnSignOffToRequester(deps, task, coSign.requestedBy);
    }
    res.status(204).end();
  });
};
