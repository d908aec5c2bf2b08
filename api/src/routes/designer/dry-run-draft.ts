import { SEVERITIES } from '@kuaibao/domain';
import { z } from 'zod';
import { requireUser } from '../../auth/session-user';
import type { RouteModule } from '../../deps';
import { parseBody, parseParams } from '../../http/validate';
import { dryRunDraft } from '../../services/process-dry-run';
import { draftParamsSchema } from './designer.types';

const sampleSchema = z.strictObject({ severity: z.enum(SEVERITIES), sensitive: z.boolean().optional(), verifyDecision: z.enum(['confirm', 'close']).optional() });
export const dryRunBodySchema = z.strictObject({
  /** Default: a 一般 and a 较大 report, both confirmed by 核实. */
  samples: z.array(sampleSchema).min(1).max(5).default([{ severity: 'IV' }, { severity: 'III' }]),
});

const step = z.object({ elementId: z.string(), name: z.string().nullable(), kind: z.enum(['job', 'userTask', 'message']), jobType: z.string().optional(), detail: z.record(z.string(), z.unknown()).optional() });
export const dryRunSchema = z.object({
  draftId: z.string(),
  revision: z.number().int(),
  reportingUnit: z.object({ id: z.string(), name: z.string() }),
  results: z.array(z.object({
    sample: sampleSchema,
    state: z.string(),
    waitingAt: z.array(z.object({ elementId: z.string(), name: z.string().nullable(), type: z.string() })),
    incidents: z.array(z.object({ elementId: z.string(), message: z.string() })),
    path: z.array(step),
    deadlines: z.array(z.unknown()),
  })),
});

export const dryRunDraftRoute: RouteModule = ({ router, registry, deps }) => {
  registry.registerPath({
    method: 'post',
    path: '/api/process-drafts/{id}/dry-runs',
    tags: ['designer'],
    summary: '流程设计：试运行草稿（示例报告，隔离环境，不写入任何真实数据） / Try the draft on sample reports in a throwaway engine: the path, tasks and deadlines of each',
    request: { params: draftParamsSchema, body: { content: { 'application/json': { schema: dryRunBodySchema } } } },
    responses: {
      200: { description: 'Each sample\'s path, tasks and deadlines', content: { 'application/json': { schema: dryRunSchema } } },
      400: { description: 'Bad samples (field paths), or a draft the check refuses' },
      404: { description: 'No such draft the caller may design' },
      422: { description: 'The draft cannot be tried (not the 首报 flow, or no unit of the jurisdiction to report from)' },
    },
  });
  router.post('/api/process-drafts/:id/dry-runs', async (req, res) => {
    const user = requireUser(res);
    const { id } = parseParams(draftParamsSchema, req);
    const { samples } = parseBody(dryRunBodySchema, req);
    res.json(await dryRunDraft(deps, user, id, samples));
  });
};
