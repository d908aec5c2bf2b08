import { makeMigrationBatchSchema } from '@kuaibao/domain';
import { z } from 'zod';
import { clientIp, requireRole } from '../../auth/session-user';
import type { RouteModule } from '../../deps';
import { perLocale } from '../../http/locale';
import { parseBody, parseParams } from '../../http/validate';
import { batchProgress, cancelBatch, startBatch } from '../../services/admin/migration-batch-service';

const batchParamsSchema = z.strictObject({ id: z.string().max(64) });
const json = (schema: unknown) => ({ content: { 'application/json': { schema: schema as ReturnType<typeof makeMigrationBatchSchema> } } });

/** 批量迁移 (docs/adr/0062): a 系统管理员 starts a migration of many instances, reads its progress, cancels it. */
export const migrationBatches: RouteModule = ({ router, registry, deps }) => {
  const schemaFor = perLocale(makeMigrationBatchSchema);
  registry.registerPath({
    method: 'post', path: '/api/admin/migration-batches', tags: ['admin'],
    summary: '批量迁移 / Migrate many running instances (given, or every one of the source version) in the background; `dryRun` records what would move and what cannot',
    request: { body: json(makeMigrationBatchSchema()) },
    responses: {
      202: { description: 'MigrationBatchView: the batch runs' },
      400: { description: 'No source or target, the same version, a target of another process, a duplicate mapping, or no reason for a real run (problem details with field paths)' },
      403: { description: 'Not a 系统管理员' },
      409: { description: 'No instance runs on the source version any more' },
      501: { description: 'On Zeebe (the batch reads the embedded engine’s rows)' },
    },
  });
  registry.registerPath({
    method: 'get', path: '/api/admin/migration-batches/{id}', tags: ['admin'],
    summary: '批量迁移进度 / Total, moved, failed with their reasons, and whether the batch runs, finished or was cancelled',
    request: { params: batchParamsSchema },
    responses: { 200: { description: 'MigrationBatchView' }, 403: { description: 'Not a 系统管理员' }, 404: { description: 'No such batch' } },
  });
  registry.registerPath({
    method: 'post', path: '/api/admin/migration-batches/{id}/cancel', tags: ['admin'],
    summary: '取消批量迁移 / Stop the batch before its next instance; those moved stay moved',
    request: { params: batchParamsSchema },
    responses: { 200: { description: 'MigrationBatchView, cancelled' }, 403: { description: 'Not a 系统管理员' }, 404: { description: 'No such batch' }, 409: { description: 'The batch has finished or was already cancelled' } },
  });

  router.post('/api/admin/migration-batches', async (req, res) => {
    const user = requireRole(res, 'system_admin');
    res.status(202).json(await startBatch(deps, { user, ip: clientIp(req) }, parseBody(schemaFor(req), req)));
  });
  router.get('/api/admin/migration-batches/:id', async (req, res) => {
    requireRole(res, 'system_admin');
    res.json(await batchProgress(deps, parseParams(batchParamsSchema, req).id));
  });
  router.post('/api/admin/migration-batches/:id/cancel', async (req, res) => {
    const user = requireRole(res, 'system_admin');
    res.json(await cancelBatch(deps, { user, ip: clientIp(req) }, parseParams(batchParamsSchema, req).id));
  });
};
