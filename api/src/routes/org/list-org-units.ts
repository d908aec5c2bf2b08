import { requireUser } from '../../auth/session-user';
import type { RouteModule } from '../../deps';
import { orgUnitListSchema } from './list-org-units.types';

export const listOrgUnits: RouteModule = ({ router, registry, deps }) => {
  registry.registerPath({
    method: 'get',
    path: '/api/org-units',
    tags: ['org'],
    summary: '组织机构 / The org units (names, levels, divisions) for filters and the report form',
    responses: { 200: { description: 'Every unit, by code', content: { 'application/json': { schema: orgUnitListSchema } } }, 401: { description: 'Not logged in' } },
  });

  router.get('/api/org-units', async (_req, res) => {
    requireUser(res);
    const units = await deps.orgUnits.all();
    res.json({
      items: units.map((u) => ({ id: u.id, code: u.code, name: u.name, nameEn: u.nameEn, kind: u.kind, level: u.level, parentId: u.parentId,
        superiorDepartmentId: u.superiorDepartmentId, sameLevelGovernmentId: u.sameLevelGovernmentId, divisionCode: u.divisionCode })),
    });
  });
};
