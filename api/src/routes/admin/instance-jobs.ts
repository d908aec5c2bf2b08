import { processResources } from '@kuaibao/processes';
import { requireRole } from '../../auth/session-user';
import type { RouteModule } from '../../deps';
import { parseParams, parseQuery } from '../../http/validate';
import { instanceJobs } from '../../services/admin/instance-jobs-service';
import { loadProcessCatalog, type ProcessCatalog } from '../../services/process-catalog';
import { langQuerySchema, traceKeyParamsSchema } from './trace.types';

/** 全部作业: every job of one instance with its state, retries and last error (docs/adr/0059); a 系统管理员's. */
export const instanceJobsRoute: RouteModule = ({ router, registry, deps }) => {
  registry.registerPath({
    method: 'get', path: '/api/admin/instances/{key}/jobs', tags: ['admin'],
    summary: '全部作业 / Every job of an instance (service tasks): state, retries, last error, times',
    request: { params: traceKeyParamsSchema, query: langQuerySchema },
    responses: { 200: { description: '{ items }' }, 403: { description: 'Not a 系统管理员' }, 404: { description: 'No such instance' }, 501: { description: 'On Zeebe: its jobs are not in kuaibao\'s database' } },
  });
  let catalog: Promise<ProcessCatalog> | undefined;
  router.get('/api/admin/instances/:key/jobs', async (req, res) => {
    requireRole(res, 'system_admin');
    const { key } = parseParams(traceKeyParamsSchema, req);
    parseQuery(langQuerySchema, req);
    res.json(await instanceJobs(deps, await (catalog ??= loadProcessCatalog(processResources())), key));
  });
};
