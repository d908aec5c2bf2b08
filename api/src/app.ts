import cookieParser from 'cookie-parser';
import express, { Router, type Express } from 'express';
import { passwordChangeGate } from './auth/password-change-gate';
import { sessionMiddleware } from './auth/session-middleware';
import type { ApiDeps, RouteModule } from './deps';
import { notFoundRoute, problemMiddleware, requireJsonBody } from './errors/problem-middleware';
import { refuseDeepJson } from './http/json-depth';
import { requestPriority } from './http/request-priority';
import { requireSameOrigin } from './http/same-origin';
import { securityHeaders } from './http/security-headers';
import { writeAdmission } from './http/write-admission';
import { mountOpenApi } from './openapi/openapi';
import { ApiRegistry } from './openapi/registry';
import { routes } from './routes';
import { IMPORT_BODY_LIMIT } from './routes/org-admin/import-export';

/** Room for a BPMN file at the designer's size limit (1 MB) once escaped into JSON. */
const DESIGNER_BODY_LIMIT = '4mb';

/** The HTTP application: JSON in, JSON or problem details out. Static web assets are mounted by the server. */
export function createApp(deps: ApiDeps, options: { beforeFallback?: (app: Express) => void } = {}): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.use(securityHeaders({ https: deps.config.COOKIE_SECURE }));
  app.use(requireSameOrigin);
  app.use(requireJsonBody);
  // Writes beyond the bound wait here, their bodies unread, or get 503 (ADR 0025).
  app.use(writeAdmission({ concurrency: deps.config.WRITE_CONCURRENCY, queue: deps.config.WRITE_QUEUE, retryAfterSeconds: 2 }));
  // A designed process travels as BPMN XML in JSON: its own limit, above the designer's 1 MB check (docs/adr/0036).
  app.use(['/api/jurisdictions', '/api/process-drafts'], express.json({ limit: DESIGNER_BODY_LIMIT, strict: true, verify: refuseDeepJson }));
  // An import carries its spreadsheets (base64): its own larger limit; every other body keeps BODY_LIMIT
  app.use('/api/admin/import', express.json({ limit: IMPORT_BODY_LIMIT, strict: true, verify: refuseDeepJson }));
  // The depth is checked on the raw bytes, before JSON.parse and the recursive checks after it (zod, validate.ts).
  app.use(express.json({ limit: deps.config.BODY_LIMIT, strict: true, verify: refuseDeepJson }));
  app.use(cookieParser());
  // From here a request's database work goes before the workers' on PGlite (docs/adr/0065); after the body parsers,
  // which call next from the socket's events.
  app.use(requestPriority);
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
