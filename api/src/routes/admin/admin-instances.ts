import { incidentRetriedSchema, makeIncidentRetrySchema } from '@kuaibao/domain';
import { processResources } from '@kuaibao/processes';
import { clientIp, requireRole } from '../../auth/session-user';
import type { RouteModule } from '../../deps';
import { perLocale } from '../../http/locale';
import { parseBody, parseParams, parseQuery } from '../../http/validate';
import { retryIncident, traceInstances } from '../../services/admin-trace-service';
import { loadProcessCatalog, type ProcessCatalog } from '../../services/process-catalog';
import { incidentParamsSchema, listInstancesQuerySchema, makeListInstancesQuerySchema } from './admin-instances.types';

/** 流程监控 for admins: where each running report waits and why, and a retry for a failed step. */
export const adminInstances: RouteModule = ({ router, registry, deps }) => {
  registry.registerPath({
    method: 'get',
    path: '/api/admin/instances',
    tags: ['admin'],
    summary: '流程监控 / Running instances: where each waits, since when, who must act, and failed steps (admin)',
    request: { query: listInstancesQuerySchema },
    responses: { 200: { description: 'Instances with a failed step first, then the longest waiting' }, 403: { description: 'Not an admin' } },
  });
  const retryBodyFor = perLocale(makeIncidentRetrySchema);
  const listQueryFor = perLocale(makeListInstancesQuerySchema);
  registry.registerPath({
    method: 'post',
    path: '/api/admin/incidents/{key}/retry',
    tags: ['admin'],
    summary: '重试 / Give a failed step retries and resolve its incident; the reason is audited (admin)',
    request: { params: incidentParamsSchema, body: { content: { 'application/json': { schema: makeIncidentRetrySchema() } } } },
    responses: {
      200: { description: 'Retried', content: { 'application/json': { schema: incidentRetriedSchema } } },
      400: { description: 'No reason, or retries out of 1–10 (problem details with field paths)' },
      403: { description: 'Not an admin' },
      404: { description: 'No such incident' },
      409: { description: 'Already resolved' },
    },
  });

  // The names of the deployed files' processes and elements, read once on first use.
  let catalog: Promise<ProcessCatalog> | undefined;
  const catalogOf = () => (catalog ??= loadProcessCatalog(processResources()));

  router.get('/api/admin/instances', async (req, res) => {
    requireRole(res, 'system_admin');
    const query = parseQuery(listQueryFor(req), req);
    res.json({ items: await traceInstances(deps, await catalogOf(), query) });
  });
  router.post('/api/admin/incidents/:key/retry', async (req, res) => {
    const user = requireRole(res, 'system_admin');
    const { key } = parseParams(incidentParamsSchema, req);
    const body = parseBody(retryBodyFor(req), req);
    res.json(await retryIncident(deps, await catalogOf(), user, { incidentKey: key, ...body, ip: clientIp(req) }));
  });
};
