import { createServer, type Server } from 'node:http';
import type { DatabaseHealth } from '@kuaibao/db';
import type { EngineHealth } from '@kuaibao/engine';

export interface WorkerHealth {
  /** up only when both the database and the engine are up; `stopping` during a graceful shutdown. */
  status: 'up' | 'down' | 'stopping';
  worker: { name: string; taskTypes: string[] };
  engine: EngineHealth;
  database: DatabaseHealth;
}

export interface HealthServer {
  readonly url: string;
  close(): Promise<void>;
}

/** `GET /health`: 200 with the report when the worker can do its work, 503 otherwise (what compose healthchecks ask). */
export async function startHealthServer(options: { port: number; host: string; report: () => Promise<WorkerHealth> }): Promise<HealthServer> {
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://worker').pathname;
    if (req.method !== 'GET' || path !== '/health') {
      res.writeHead(404, { 'content-type': 'application/problem+json' }).end(JSON.stringify({ type: 'about:blank', title: 'Not Found', status: 404 }));
      return;
    }
    options.report().then(
      (health) => res.writeHead(health.status === 'up' ? 200 : 503, { 'content-type': 'application/json' }).end(JSON.stringify(health)),
      (error: unknown) => res.writeHead(503, { 'content-type': 'application/json' }).end(JSON.stringify({ status: 'down', error: String(error) })),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return {
    url: `http://${options.host === '0.0.0.0' ? '127.0.0.1' : options.host}:${port}/health`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
