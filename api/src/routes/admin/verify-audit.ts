import { requireRole } from '../../auth/session-user';
import type { RouteModule } from '../../deps';

/** The admin's check of the whole audit trail: every incident's hash chain (ADR 0026); the broken ones with where they break. */
export const verifyAudit: RouteModule = ({ router, registry, deps }) => {
  registry.registerPath({
    method: 'get',
    path: '/api/admin/audit/verify',
    tags: ['admin'],
    summary: '审计校验 / Check every incident’s audit hash chain; the broken ones with the first entry where each breaks (admin)',
    responses: { 200: { description: 'Incidents and entries checked, and the broken chains' }, 403: { description: 'Not an admin' } },
  });

  router.get('/api/admin/audit/verify', async (_req, res) => {
    requireRole(res, 'system_admin');
    const result = await deps.audit.verifyAll();
    res.json({ ...result, intact: result.broken.length === 0, broken: result.broken.map((c) => ({ ...c, broken: c.broken && { ...c.broken, at: c.broken.at.toISOString() } })) });
  });
};
