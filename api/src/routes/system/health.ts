import type { RouteModule } from '../../deps';

export const health: RouteModule = ({ router, registry, deps }) => {
  registry.registerPath({ method: 'get', path: '/api/health', tags: ['system'], summary: '健康检查 / Health of database and engine', responses: { 200: { description: 'Healthy' }, 503: { description: 'Degraded' } } });

  router.get('/api/health', async (_req, res) => {
    const check = async (fn: () => Promise<unknown>) => {
      const started = performance.now();
      try {
        await fn();
        return { status: 'up' as const, latencyMs: Math.round(performance.now() - started) };
      } catch (error) {
        return { status: 'down' as const, error: (error as Error).message };
      }
    };
    const database = await check(() => deps.db.prisma.$queryRaw`SELECT 1`);
    const engine = await check(() => deps.engine.listIncidents({ state: 'active' }));
    const healthy = database.status === 'up' && engine.status === 'up';
    res.status(healthy ? 200 : 503).json({ status: healthy ? 'up' : 'down', database: { ...database, kind: deps.db.kind }, engine: { ...engine, kind: 'embedded' } });
  });
};
