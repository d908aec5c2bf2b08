import { z } from 'zod';
import { requireUser } from '../../auth/session-user';
import type { RouteModule } from '../../deps';
import { localeOf } from '../../http/locale';
import { parseParams } from '../../http/validate';
import { getDossier as loadDossier } from '../../services/dossier-service';

const paramsSchema = z.object({ number: z.string().min(1).max(64) });

export const getDossier: RouteModule = ({ router, registry, deps }) => {
  registry.registerPath({
    method: 'get',
    path: '/api/incidents/{number}',
    tags: ['reports'],
    summary: '事件档案 / The dossier: reports, timeline, workflow position, receipts',
    request: { params: paramsSchema },
    responses: { 200: { description: 'The dossier' }, 404: { description: 'Not found or not visible' } },
  });

  router.get('/api/incidents/:number', async (req, res) => {
    const user = requireUser(res);
    const { number } = parseParams(paramsSchema, req);
    res.json(await loadDossier(deps, user, number, localeOf(req)));
  });
};
