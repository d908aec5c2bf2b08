import { makeReassignSchema, makeRetryBatchSchema, makeTraceReasonSchema } from '@kuaibao/domain';
import { processResources } from '@kuaibao/processes';
import { clientIp, requireRole, requireUser } from '../../auth/session-user';
import type { RouteModule } from '../../deps';
import { localeOf, perLocale } from '../../http/locale';
import { parseBody, parseParams } from '../../http/validate';
import { cancel, reassign, release, remind, retryMany } from '../../services/admin/trace-actions-service';
import { loadProcessCatalog, type ProcessCatalog } from '../../services/process-catalog';
import { traceKeyParamsSchema } from './trace.types';

const refusals = {
  400: { description: 'No reason, or another field wrong (problem details with field paths); 改派 to someone ineligible names why' },
  403: { description: 'Not a 系统管理员' },
  404: { description: 'No such instance or task' },
  409: { description: 'The state moved on (task done or canceled, flow ended, nothing to do)' },
};

/** 流程监控's actions (docs/adr/0040): each with a required reason, audited in the dossier's trail. */
export const traceActions: RouteModule = ({ router, registry, deps }) => {
  const reasonFor = perLocale(makeTraceReasonSchema);
  const reassignFor = perLocale(makeReassignSchema);
  const retryFor = perLocale(makeRetryBatchSchema);
  const body = (schema: unknown) => ({ content: { 'application/json': { schema: schema as ReturnType<typeof makeTraceReasonSchema> } } });
  const paths: [string, string, unknown][] = [
    ['/api/admin/instances/{key}/remind', '催办 / Text the current holders of the open steps (a 系统管理员, or the report’s initiator on their own report)', makeTraceReasonSchema()],
    ['/api/admin/instances/{key}/cancel', '终止 / Cancel the flow: the report becomes 已撤销, its recipients are told, no task stays open', makeTraceReasonSchema()],
    ['/api/admin/tasks/{key}/reassign', '改派 / Give an open task to a named person who may act on it', makeReassignSchema()],
    ['/api/admin/tasks/{key}/unclaim', '取消认领 / Give a claimed task back to its candidates', makeTraceReasonSchema()],
  ];
  for (const [path, summary, schema] of paths) {
    registry.registerPath({ method: 'post', path, tags: ['admin'], summary, request: { params: traceKeyParamsSchema, body: body(schema) }, responses: { 200: { description: 'Done' }, ...refusals } });
  }
  registry.registerPath({
    method: 'post', path: '/api/admin/incidents/retry', tags: ['admin'],
    summary: '批量重试 / Retry many failed steps with one reason; each answers on its own',
    request: { body: body(makeRetryBatchSchema()) },
    responses: { 200: { description: '{ results: [{ incidentKey, ok, … }] }' }, 400: refusals[400], 403: refusals[403] },
  });

  let catalog: Promise<ProcessCatalog> | undefined;
  const catalogOf = () => (catalog ??= loadProcessCatalog(processResources()));

  router.post('/api/admin/instances/:key/remind', async (req, res) => {
    const user = requireUser(res); // the initiator may remind on their own report: checked against the report
    const { key } = parseParams(traceKeyParamsSchema, req);
    const { reason } = parseBody(reasonFor(req), req);
    res.json(await remind(deps, { user, ip: clientIp(req) }, key, reason));
  });
  router.post('/api/admin/instances/:key/cancel', async (req, res) => {
    const user = requireRole(res, 'system_admin');
    const { key } = parseParams(traceKeyParamsSchema, req);
    const { reason } = parseBody(reasonFor(req), req);
    res.json(await cancel(deps, { user, ip: clientIp(req) }, key, reason));
  });
  router.post('/api/admin/tasks/:key/reassign', async (req, res) => {
    const user = requireRole(res, 'system_admin');
    const { key } = parseParams(traceKeyParamsSchema, req);
    res.json(await reassign(deps, { user, ip: clientIp(req) }, key, parseBody(reassignFor(req), req)));
  });
  router.post('/api/admin/tasks/:key/unclaim', async (req, res) => {
    const user = requireRole(res, 'system_admin');
    const { key } = parseParams(traceKeyParamsSchema, req);
    const { reason } = parseBody(reasonFor(req), req);
    res.json(await release(deps, { user, ip: clientIp(req) }, key, reason));
  });
  router.post('/api/admin/incidents/retry', async (req, res) => {
    const user = requireRole(res, 'system_admin');
    const input = parseBody(retryFor(req), req);
    res.json({ results: await retryMany(deps, await catalogOf(), user, { ...input, ip: clientIp(req) }, localeOf(req)) });
  });
};
