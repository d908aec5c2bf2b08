import { makePersonInputSchema, makePersonPatchSchema } from '@kuaibao/domain';
import type { RouteModule } from '../../deps';
import { emptyBodySchema } from '../../http/empty-body';
import { localeOf, perLocale } from '../../http/locale';
import { parseBody, parseParams, parseQuery } from '../../http/validate';
import { createPerson, listPeople, resetPassword, setPersonActive, updatePerson } from '../../services/admin/people-admin-service';
import { deactivationImpact } from '../../services/admin/route-health-service';
import { actorOf, requireAdmin } from './actor';
import { deactivationImpactSchema, idParamsSchema, listPeopleQuerySchema, personListSchema, personViewSchema, personWithPasswordSchema } from './org-admin.types';

const notFound = { 404: { description: 'Not an admin, or the person or unit is outside what the caller manages' } };

/** 人员 for admins (docs/adr/0028): people of the units they manage, their roles, deactivation, password reset. */
export const peopleAdmin: RouteModule = ({ router, registry, deps }) => {
  const inputFor = perLocale(makePersonInputSchema);
  const patchFor = perLocale(makePersonPatchSchema);

  registry.registerPath({
    method: 'get', path: '/api/admin/users', tags: ['admin'], summary: '人员 / People of the units the admin manages (unitId, q: username, name or phone; active)',
    request: { query: listPeopleQuerySchema }, responses: { 200: { description: 'People', content: { 'application/json': { schema: personListSchema } } }, ...notFound },
  });
  router.get('/api/admin/users', async (req, res) => {
    const user = requireAdmin(res);
    const query = parseQuery(listPeopleQuerySchema, req);
    res.json({ items: await listPeople(deps, user, query) });
  });

  registry.registerPath({
    method: 'post', path: '/api/admin/users', tags: ['admin'], summary: '新建人员 / Create a person; answers a temporary password they must change at first login',
    request: { body: { content: { 'application/json': { schema: makePersonInputSchema() } } } },
    responses: { 201: { description: 'Created', content: { 'application/json': { schema: personWithPasswordSchema } } }, 400: { description: 'Invalid field (problem details with field paths)' }, ...notFound, 409: { description: 'Username taken' } },
  });
  router.post('/api/admin/users', async (req, res) => {
    const who = actorOf(req, res);
    const input = parseBody(inputFor(req), req);
    res.status(201).json(await createPerson(deps, who, input));
  });

  registry.registerPath({
    method: 'patch', path: '/api/admin/users/{id}', tags: ['admin'], summary: '修改人员 / Edit name, phone, unit or roles (refused when open tasks would lose their last candidate)',
    request: { params: idParamsSchema, body: { content: { 'application/json': { schema: makePersonPatchSchema() } } } },
    responses: { 200: { description: 'Saved', content: { 'application/json': { schema: personViewSchema } } }, 400: { description: 'Invalid field' }, ...notFound, 409: { description: 'Open tasks would be left with nobody (named)' } },
  });
  router.patch('/api/admin/users/:id', async (req, res) => {
    const who = actorOf(req, res);
    const { id } = parseParams(idParamsSchema, req);
    const patch = parseBody(patchFor(req), req);
    res.json(await updatePerson(deps, who, id, patch));
  });

  for (const [verb, active] of [['deactivate', false], ['activate', true]] as const) {
    registry.registerPath({
      method: 'post', path: `/api/admin/users/{id}/${verb}`, tags: ['admin'],
      summary: active ? '启用人员 / Activate a person again' : '停用人员 / Deactivate a person: their sessions end at once, claimed tasks go back to their group',
      request: { params: idParamsSchema },
      responses: { 200: { description: 'Saved', content: { 'application/json': { schema: personViewSchema } } }, ...notFound, 409: { description: 'Open tasks would be left with nobody (named), or one’s own account' } },
    });
    router.post(`/api/admin/users/:id/${verb}`, async (req, res) => {
    const who = actorOf(req, res);
      const { id } = parseParams(idParamsSchema, req);
      parseBody(emptyBodySchema, req);
      res.json((await setPersonActive(deps, who, id, active)).person);
    });
  }

  registry.registerPath({
    method: 'post', path: '/api/admin/users/{id}/reset-password', tags: ['admin'], summary: '重置密码 / A new temporary password; the person must change it at next login, their sessions end',
    request: { params: idParamsSchema },
    responses: { 200: { description: 'Reset', content: { 'application/json': { schema: personWithPasswordSchema } } }, ...notFound },
  });
  router.post('/api/admin/users/:id/reset-password', async (req, res) => {
    const who = actorOf(req, res);
    const { id } = parseParams(idParamsSchema, req);
    parseBody(emptyBodySchema, req);
    res.json(await resetPassword(deps, who, id));
  });

  registry.registerPath({
    method: 'get', path: '/api/admin/users/{id}/deactivation-impact', tags: ['admin'], summary: '停用前检查 / What deactivating the person would break: new route gaps and open tasks left with nobody',
    request: { params: idParamsSchema },
    responses: { 200: { description: 'The impact', content: { 'application/json': { schema: deactivationImpactSchema } } }, ...notFound },
  });
  router.get('/api/admin/users/:id/deactivation-impact', async (req, res) => {
    const user = requireAdmin(res);
    const { id } = parseParams(idParamsSchema, req);
    const locale = localeOf(req);
    const impact = await deactivationImpact(deps, user, id);
    res.json({ ...impact, newGaps: impact.newGaps.map((g) => ({ ...g, message: g.message[locale] })) });
  });
};
