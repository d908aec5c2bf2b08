import { clientIp, requireUser } from '../../auth/session-user';
import type { RouteModule } from '../../deps';
import { makeReportSchemas } from '@kuaibao/domain';
import { localeOf, perLocale } from '../../http/locale';
import { parseBody } from '../../http/validate';
import { submitFirstReport } from '../../services/report-service';
import { submitReportRequestSchema, submitReportResponseSchema } from './submit-report.types';

export const submitReport: RouteModule = ({ router, registry, deps }) => {
  // The server's clock: no time of a report may lie in the future (a later 获知时间 would push its clocks back).
  const schemaFor = perLocale((locale) => makeReportSchemas({ locale, now: deps.now }).first);
  registry.registerPath({
    method: 'post',
    path: '/api/reports',
    tags: ['reports'],
    summary: '报送首报 / Submit a first report (starts the reporting workflow)',
    request: { body: { content: { 'application/json': { schema: submitReportRequestSchema } } } },
    responses: {
      201: { description: 'Submitted', content: { 'application/json': { schema: submitReportResponseSchema } } },
      400: { description: 'Invalid report (problem details with field paths)' },
    },
  });

  router.post('/api/reports', async (req, res) => {
    const user = requireUser(res);
    const report = parseBody(schemaFor(req), req);
    const created = await submitFirstReport(deps, user, report, clientIp(req), localeOf(req));
    res.status(201).location(`/api/incidents/${created.incidentNumber}`).json(created);
  });
};
