import { clientIp, requireUser } from '../../auth/session-user';
import type { RouteModule } from '../../deps';
import { makeReportPatchSchemas } from '@kuaibao/domain';
import { perLocale } from '../../http/locale';
import { parseBody, parseParams } from '../../http/validate';
import { submitLaterReport as submit } from '../../services/later-report-service';
import { laterReportParamsSchema, submitLaterReportRequestSchema, submitLaterReportResponseSchema } from './submit-later-report.types';

export const submitLaterReport: RouteModule = ({ router, registry, deps }) => {
  const schemasFor = perLocale((locale) => makeReportPatchSchemas({ locale, now: deps.now }));
  registry.registerPath({
    method: 'post',
    path: '/api/incidents/{number}/reports',
    tags: ['reports'],
    summary: '续报 / 终报 — Submit a follow-up or final report: only what changed (starts its own sign-off flow)',
    request: { params: laterReportParamsSchema, body: { content: { 'application/json': { schema: submitLaterReportRequestSchema } } } },
    responses: {
      201: { description: 'Submitted', content: { 'application/json': { schema: submitLaterReportResponseSchema } } },
      400: { description: 'Invalid changes, or the merged report misses an element its kind requires (problem details with field paths)' },
      403: { description: 'Not a reporter of the reporting unit' },
      404: { description: 'Not found or not visible' },
      409: { description: 'Not allowed now: 首报 not signed off, an earlier report awaiting sign-off, a 终报 already filed, or the incident closed' },
    },
  });
  router.post('/api/incidents/:number/reports', async (req, res) => {
    const user = requireUser(res);
    const { number } = parseParams(laterReportParamsSchema, req);
    const schemas = schemasFor(req);
    // 涉密终报: the placeholder only (ADR 0031); anything else is an ordinary 续报/终报
    const classified = typeof req.body === 'object' && req.body !== null && (req.body as { classified?: unknown }).classified === true;
    const patch = classified ? parseBody(schemas.classifiedFinal, req) : parseBody(schemas.patch, req);
    const created = await submit(deps, user, { incidentNumber: number, patch, rules: schemas.merged, ip: clientIp(req) });
    res.status(201).location(`/api/incidents/${number}`).json(created);
  });
};
