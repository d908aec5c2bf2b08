import { createEngineStore, createTestDatabase, databaseHealth } from '@kuaibao/db';
import { EmbeddedEngine, embeddedSelection } from '@kuaibao/engine';
import { describe, expect, it } from 'vitest';
import { startHealthServer, type WorkerHealth } from './health-server';

describe('the worker health endpoint', () => {
  it('answers GET /health with 200 while database and engine answer, 503 once they do not, 404 elsewhere', async () => {
    // given: the embedded engine on a real (in-memory) database
    const db = await createTestDatabase();
    const engine = embeddedSelection(new EmbeddedEngine({ store: createEngineStore(db.prisma) }));
    const report = async (): Promise<WorkerHealth> => {
      const [engineHealth, database] = await Promise.all([engine.health(), databaseHealth(db)]);
      const up = engineHealth.status === 'up' && database.status === 'up';
      return { status: up ? 'up' : 'down', worker: { name: 'w1', taskTypes: ['t'] }, engine: engineHealth, database };
    };
    const server = await startHealthServer({ port: 0, host: '127.0.0.1', report });

    try {
      // when
      const healthy = await fetch(server.url);
      const elsewhere = await fetch(server.url.replace('/health', '/metrics'));
      const posted = await fetch(server.url, { method: 'POST' });
      await db.close();
      const broken = await fetch(server.url);

      // then
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/health$/);
      expect(healthy.status).toBe(200);
      expect(await healthy.json()).toMatchObject({ status: 'up', worker: { name: 'w1' }, engine: { kind: 'embedded', status: 'up' }, database: { kind: db.kind, status: 'up' } });
      expect([elsewhere.status, posted.status]).toEqual([404, 404]);
      expect(broken.status).toBe(503);
      expect(await broken.json()).toMatchObject({ status: 'down', engine: { status: 'down', error: expect.any(String) }, database: { status: 'down' } });
    } finally {
      await engine.close();
      await server.close();
    }
  });
});
