import { clientIp, requireUser } from '../../auth/session-user';
import type { RouteModule } from '../../deps';
import { makeVerificationSchemas } from '@kuaibao/domain';
import { perLocale } from '../../http/locale';
import { parseBody, parseParams } from '../../http/validate';
import { requestVerification as request } from '../../services/verification-service';
import { requestVerificationBodySchema, requestVerificationParamsSchema, requestVerificationResponseSchema } from './request-verification.types';

export const requestVerification: RouteModule = ({ router, registry, deps }) => {
  const schemaFor = perLocale((locale) => makeVerificationSchemas(locale).request);
  registry.registerPath({
    method: 'post',
    path: '/api/incidents/{number}/verification-requests',
    tags: ['reports'],
    summary: '要求核报 / Ask a unit to verify an item of the incident (phone answer ≤ 1 h, written ≤ 2 h 30 min in 临沧)',
    request: { params: requestVerificationParamsSchema, body: { content: { 'application/json': { schema: requestVerificationBodySchema } } } },
    responses: {
      201: { description: 'Requested', content: { 'application/json': { schema: requestVerificationResponseSchema } } },
      400: { description: 'Invalid request, or a unit the requester may not ask (problem details with field paths)' },
      403: { description: 'Only duty officers and leaders may ask' },
      404: { description: 'Incident not found or not visible' },
    },
  });

  router.post('/api/incidents/:number/verification-requests', async (req, res) => {
    const user = requireUser(res);
    const { number } = parseParams(requestVerificationParamsSchema, req);
    const body = parseBody(schemaFor(req), req);
    const created = await request(deps, user, number, body, clientIp(req));
    res.status(201).location(`/api/incidents/${number}`).json(created);
  });
};
