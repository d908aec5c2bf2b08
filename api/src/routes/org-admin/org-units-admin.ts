import { makeUnitInputSchema, makeUnitPatchSchema } from '@kuaibao/domain';
import type { RouteModule } from '../../deps';
import { emptyBodySchema } from '../../http/empty-body';
import { perLocale } from '../../http/locale';
import { parseBody, parseParams, parseQuery } from '../../http/validate';
import { actorOf, requireAdmin } from './actor';
import { createUnit, listManagedUnits, setUnitActive, updateUnit } from '../../services/admin/unit-admin-service';
import { idParamsSchema, listUnitsQuerySchema, unitListSchema, unitViewSchema } from './org-admin.types';

const problems = { 400: { description: 'Invalid field or tree rule broken (problem details with field paths); nothing written' }, 404: { description: 'Not an admin, or the unit is outside what the caller manages' } };

/** 组织机构 for admins (docs/adr/0028): the units they manage, create, edit, move, deactivate. */
export const orgUnitsAdmin: RouteModule = ({ router, registry, deps }) => {
  const inputFor = perLocale(makeUnitInputSchema);
  const patchFor = perLocale(makeUnitPatchSchema);

  registry.registerPath({
    method: 'get', path: '/api/admin/org-units', tags: ['admin'], summary: '组织机构管理 / The units the admin manages, inactive ones too (q: name or code)',
    request: { query: listUnitsQuerySchema }, responses: { 200: { description: 'Units by code', content: { 'application/json': { schema: unitListSchema } } }, 404: problems[404] },
  });
  router.get('/api/admin/org-units', async (req, res) => {
    const user = requireAdmin(res);
    const { q } = parseQuery(listUnitsQuerySchema, req);
    res.json({ items: await listManagedUnits(deps, user, q) });
  });

  registry.registerPath({
    method: 'post', path: '/api/admin/org-units', tags: ['admin'], summary: '新建单位 / Create a unit under one the admin manages',
    request: { body: { content: { 'application/json': { schema: makeUnitInputSchema() } } } },
    responses: { 201: { description: 'Created', content: { 'application/json': { schema: unitViewSchema } } }, ...problems },
  });
  router.post('/api/admin/org-units', async (req, res) => {
    const who = actorOf(req, res);
    const input = parseBody(inputFor(req), req);
    res.status(201).json(await createUnit(deps, who, input));
  });

  registry.registerPath({
    method: 'patch', path: '/api/admin/org-units/{id}', tags: ['admin'], summary: '修改或移动单位 / Edit or move a unit (a new parentId moves it)',
    request: { params: idParamsSchema, body: { content: { 'application/json': { schema: makeUnitPatchSchema() } } } },
    responses: { 200: { description: 'Saved', content: { 'application/json': { schema: unitViewSchema } } }, ...problems },
  });
  router.patch('/api/admin/org-units/:id', async (req, res) => {
    const who = actorOf(req, res);
    const { id } = parseParams(idParamsSchema, req);
    const patch = parseBody(patchFor(req), req);
    res.json(await updateUnit(deps, who, id, patch));
  });

  for (const [verb, active] of [['deactivate', false], ['activate', true]] as const) {
    registry.registerPath({
      method: 'post', path: `/api/admin/org-units/{id}/${verb}`, tags: ['admin'],
      summary: active ? '启用单位 / Activate a unit again' : '停用单位 / Deactivate a unit (refused while it has active units or people, or others refer to it)',
      request: { params: idParamsSchema },
      responses: { 200: { description: 'Saved', content: { 'application/json': { schema: unitViewSchema } } }, 404: problems[404], 409: { description: 'Still has active units or people, or is referred to' } },
    });
    router.post(`/api/admin/org-units/:id/${verb}`, async (req, res) => {
    const who = actorOf(req, res);
      const { id } = parseParams(idParamsSchema, req);
      parseBody(emptyBodySchema, req);
      res.json(await setUnitActive(deps, who, id, active));
    });
  }
};
