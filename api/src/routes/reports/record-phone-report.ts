import { clientIp, requireUser } from '../../auth/session-user';
import type { RouteModule } from '../../deps';
import { makePhoneReportSchema } from '@kuaibao/domain';
import { perLocale } from '../../http/locale';
import { parseBody } from '../../http/validate';
import { recordPhoneReport as record } from '../../services/phone-report-service';
import { recordPhoneReportRequestSchema, recordPhoneReportResponseSchema } from './record-phone-report.types';

export const recordPhoneReport: RouteModule = ({ router, registry, deps }) => {
  const schemaFor = perLocale((locale) => makePhoneReportSchema({ locale, now: deps.now }));
  registry.registerPath({
    method: 'post',
    path: '/api/incidents/phone-reports',
    tags: ['reports'],
    summary: '登记电话报告 / Record a phone or oral report as the first entry of a new dossier (duty officers)',
    request: { body: { content: { 'application/json': { schema: recordPhoneReportRequestSchema } } } },
    responses: {
      201: { description: 'Recorded', content: { 'application/json': { schema: recordPhoneReportResponseSchema } } },
      400: { description: 'Invalid (problem details with field paths)' },
      403: { description: 'Not a duty officer' },
    },
  });

  router.post('/api/incidents/phone-reports', async (req, res) => {
    const user = requireUser(res);
    const body = parseBody(schemaFor(req), req);
    const created = await record(deps, user, body, clientIp(req));
    res.status(201).location(`/api/incidents/${created.incidentNumber}`).json(created);
  });
};
