import cookieParser from 'cookie-parser';
import express, { Router, type Express } from 'express';
import { passwordChangeGate } from './auth/password-change-gate';
import { sessionMiddleware } from './auth/session-middleware';
import type { ApiDeps, RouteModule } from './deps';
import { notFoundRoute, problemMiddleware, requireJsonBody } from './errors/problem-middleware';
import { mountOpenApi } from './openapi/openapi';
import { ApiRegistry } from './openapi/registry';
import { routes } from './routes';
import { IMPORT_BODY_LIMIT } from './routes/org-admin/import-export';

/** The HTTP application: JSON in, JSON or problem details out. Static web assets are mounted by the server. */
export function createApp(deps: ApiDeps, options: { beforeFallback?: (app: Express) => void } = {}): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.use(requireJsonBody);
  // An import carries its spreadsheets (base64): its own larger limit; every other body keeps BODY_LIMIT
  app.use('/api/admin/import', express.json({ limit: IMPORT_BODY_LIMIT, strict: true }));
  app.use(express.json({ limit: deps.config.BODY_LIMIT, strict: true }));
  app.use(cookieParser());
  app.use(sessionMiddleware(deps.sessions));
  app.use(passwordChangeGate);

  const router = Router();
  const registry = new ApiRegistry();
  for (const route of routes as RouteModule[]) route({ router, registry, deps });
  mountOpenApi(router, registry);
  app.use(router);
  app.use('/api', notFoundRoute);
  options.beforeFallback?.(app);
  app.use(notFoundRoute);
  app.use(problemMiddleware);
  return app;
}
