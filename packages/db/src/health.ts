import type { Database } from './client';

export interface DatabaseHealth {
  kind: Database['kind'];
  status: 'up' | 'down';
  latencyMs?: number;
  error?: string;
}

/** Whether the database answers a trivial query, and how fast: what health endpoints report. */
export async function databaseHealth(db: Database): Promise<DatabaseHealth> {
  const started = performance.now();
  try {
    await db.prisma.$queryRaw`SELECT 1`;
    return { kind: db.kind, status: 'up', latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    return { kind: db.kind, status: 'down', error: error instanceof Error ? error.message : String(error) };
  }
}
