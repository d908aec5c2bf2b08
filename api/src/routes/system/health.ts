import { databaseHealth } from '@kuaibao/db';
import type { RouteModule } from '../../deps';

export const health: RouteModule = ({ router, registry, deps }) => {
  registry.registerPath({
    method: 'get',
    path: '/api/health',
    tags: ['system'],
    summary: '健康检查 / Health of database and engine (embedded, or Zeebe with its topology)',
    responses: { 200: { description: 'Healthy' }, 503: { description: 'Degraded or down' } },
  });

  router.get('/api/health', async (_req, res) => {
    const [database, engine] = await Promise.all([databaseHealth(deps.db), deps.engineHealth()]);
    const healthy = database.status === 'up' && engine.status === 'up';
    res.status(healthy ? 200 : 503).json({ status: healthy ? 'up' : 'down', database, engine });
  });
};
