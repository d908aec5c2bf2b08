import { makeMigrationSchema, makeModifyInstanceSchema } from '@kuaibao/domain';
import { clientIp, requireRole } from '../../auth/session-user';
import type { RouteModule } from '../../deps';
import { localeOf, perLocale } from '../../http/locale';
import { parseBody, parseParams } from '../../http/validate';
import { changeOptions, migrate, modify } from '../../services/admin/instance-change-service';
import { instanceKeyParamsSchema, migrationResultsSchema } from './instance-changes.types';

const json = (schema: unknown) => ({ content: { 'application/json': { schema: schema as ReturnType<typeof makeModifyInstanceSchema> } } });

/** 修改流程 and 迁移 (issue 22 item 3, docs/adr/0051): a 系统管理员's, each with a reason, audited in the dossier's trail. */
export const instanceChanges: RouteModule = ({ router, registry, deps }) => {
  const modifyFor = perLocale(makeModifyInstanceSchema);
  const migrateFor = perLocale(makeMigrationSchema);
  registry.registerPath({
    method: 'get', path: '/api/admin/instances/{key}/changes', tags: ['admin'],
    summary: '修改与迁移的选项 / Where the instance’s tokens are, the elements of its version, and the other versions of its process',
    request: { params: instanceKeyParamsSchema },
    responses: { 200: { description: 'InstanceChangeOptions' }, 403: { description: 'Not a 系统管理员' }, 404: { description: 'No such instance with a report' } },
  });
  registry.registerPath({
    method: 'post', path: '/api/admin/instances/{key}/modify', tags: ['admin'],
    summary: '修改流程 / Cancel the token at element instances and activate elements (Zeebe’s process instance modification)',
    request: { params: instanceKeyParamsSchema, body: json(makeModifyInstanceSchema()) },
    responses: {
      200: { description: 'Modified: what was canceled and activated' },
      400: { description: 'No reason, nothing chosen, or a malformed key (problem details with field paths)' },
      403: { description: 'Not a 系统管理员' },
      404: { description: 'No such instance with a report' },
      409: { description: 'Refused, nothing changed: the flow ended, the step is no longer active, an unknown element, a token inside a sub-process without its scope, no token left, an instance of the legacy engine; `refusals` and `errors` (field paths) say why' },
    },
  });
  registry.registerPath({
    method: 'post', path: '/api/admin/migrations', tags: ['admin'],
    summary: '迁移 / Move running instances onto another version of their process with an element mapping; `dryRun` lists what would move and what cannot',
    request: { body: json(makeMigrationSchema()) },
    responses: {
      200: { description: 'Each instance on its own: moves, refusals (unmapped active element, target of another process, …), or a problem status', content: { 'application/json': { schema: migrationResultsSchema } } },
      400: { description: 'No instance, no target, a duplicate mapping, or no reason for a real run (problem details with field paths)' },
      403: { description: 'Not a 系统管理员' },
    },
  });

  router.get('/api/admin/instances/:key/changes', async (req, res) => {
    requireRole(res, 'system_admin');
    const { key } = parseParams(instanceKeyParamsSchema, req);
    res.json(await changeOptions(deps, key));
  });
  router.post('/api/admin/instances/:key/modify', async (req, res) => {
    const user = requireRole(res, 'system_admin');
    const { key } = parseParams(instanceKeyParamsSchema, req);
    res.json(await modify(deps, { user, ip: clientIp(req) }, key, parseBody(modifyFor(req), req), localeOf(req)));
  });
  router.post('/api/admin/migrations', async (req, res) => {
    const user = requireRole(res, 'system_admin');
    const input = parseBody(migrateFor(req), req);
    res.json({ dryRun: input.dryRun, results: await migrate(deps, { user, ip: clientIp(req) }, input, localeOf(req)) });
  });
};
