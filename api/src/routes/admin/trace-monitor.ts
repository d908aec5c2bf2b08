import { monitorSearchQuerySchema } from '@kuaibao/domain';
import { processResources } from '@kuaibao/processes';
import { requireRole } from '../../auth/session-user';
import type { RouteModule } from '../../deps';
import { parseParams, parseQuery } from '../../http/validate';
import { traceInstance } from '../../services/admin/trace-instance-service';
import { loadProcessCatalog, type ProcessCatalog } from '../../services/process-catalog';
import { langQuerySchema, traceKeyParamsSchema } from './trace.types';

/** 流程监控's search, dashboard and one instance's page (docs/adr/0040); a 系统管理员's. */
export const traceMonitor: RouteModule = ({ router, registry, deps }) => {
  registry.registerPath({
    method: 'get', path: '/api/admin/monitor/search', tags: ['admin'],
    summary: '流程监控查询 / Search running reports: text, number, title, unit, process, version, step, assignee; stuck, overdue, failed, jurisdiction; sort and page',
    request: { query: monitorSearchQuerySchema },
    responses: { 200: { description: '{ items, total, page, pageSize }' }, 400: { description: 'Bad query (problem details with field paths)' }, 403: { description: 'Not a 系统管理员' } },
  });
  registry.registerPath({
    method: 'get', path: '/api/admin/monitor/dashboard', tags: ['admin'],
    summary: '流程监控概览 / Running reports per step and jurisdiction, overdue clocks, failed steps',
    request: { query: langQuerySchema },
    responses: { 200: { description: 'The counts' }, 403: { description: 'Not a 系统管理员' } },
  });
  registry.registerPath({
    method: 'get', path: '/api/admin/instances/{key}', tags: ['admin'],
    summary: '流程实例 / One instance: active, completed and failed elements, task history, failed jobs, trail, variables (read-only; 涉密 masked)',
    request: { params: traceKeyParamsSchema, query: langQuerySchema },
    responses: { 200: { description: 'The instance' }, 403: { description: 'Not a 系统管理员' }, 404: { description: 'No such instance' } },
  });

  let catalog: Promise<ProcessCatalog> | undefined;
  const catalogOf = () => (catalog ??= loadProcessCatalog(processResources()));

  router.get('/api/admin/monitor/search', async (req, res) => {
    requireRole(res, 'system_admin');
    res.json(await deps.monitor.search(parseQuery(monitorSearchQuerySchema, req), deps.now()));
  });
  router.get('/api/admin/monitor/dashboard', async (req, res) => {
    requireRole(res, 'system_admin');
    parseQuery(langQuerySchema, req);
    res.json(await deps.monitor.dashboard(deps.now()));
  });
  router.get('/api/admin/instances/:key', async (req, res) => {
    requireRole(res, 'system_admin');
    const { key } = parseParams(traceKeyParamsSchema, req);
    parseQuery(langQuerySchema, req);
    res.json(await traceInstance(deps, await catalogOf(), key));
  });
};
