import cookieParser from 'cookie-parser';
import express, { Router, type Express } from 'express';
import { sessionMiddleware } from './auth/session-middleware';
import type { ApiDeps, RouteModule } from './deps';
import { notFoundRoute, problemMiddleware, requireJsonBody } from './errors/problem-middleware';
import { mountOpenApi } from './openapi/openapi';
import { ApiRegistry } from './openapi/registry';
import { routes } from './routes';

/** Room for a BPMN file at the designer's size limit (1 MB) once escaped into JSON. */
const DESIGNER_BODY_LIMIT = '4mb';

/** The HTTP application: JSON in, JSON or problem details out. Static web assets are mounted by the server. */
export function createApp(deps: ApiDeps, options: { beforeFallback?: (app: Express) => void } = {}): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.use(requireJsonBody);
  // A designed process travels as BPMN XML in JSON: its own limit, above the designer's 1 MB check (docs/adr/0036).
  app.use(['/api/jurisdictions', '/api/process-drafts'], express.json({ limit: DESIGNER_BODY_LIMIT, strict: true }));
  app.use(express.json({ limit: deps.config.BODY_LIMIT, strict: true }));
  app.use(cookieParser());
  app.use(sessionMiddleware(deps.sessions));

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
