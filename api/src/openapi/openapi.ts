import { createRequire } from 'node:module';
import path from 'node:path';
import express, { type Router } from 'express';
import type { ApiRegistry } from './registry';

const require = createRequire(import.meta.url);

/** Serves the OpenAPI document generated from the routes' zod schemas, and a Swagger UI page for it. */
export function mountOpenApi(router: Router, registry: ApiRegistry) {
  let document: unknown;
  router.get('/api/openapi.json', (_req, res) => {
    document ??= registry.document({
      title: '快报 kuaibao API',
      version: '0.1.0',
      description: '突发事件信息报送：报告、待办、档案。Errors are RFC 9457 problem details (application/problem+json).',
    });
    res.json(document);
  });
  const assets = path.dirname(require.resolve('swagger-ui-dist/package.json'));
  router.use('/api/docs/assets', express.static(assets, { index: false }));
  router.get('/api/docs', (_req, res) => {
    res.type('html').send(`<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>快报 API 文档</title>
<link rel="stylesheet" href="/api/docs/assets/swagger-ui.css"></head>
<body><div id="docs"></div>
<script src="/api/docs/assets/swagger-ui-bundle.js"></script>
<script src="/api/docs/init.js"></script>
</body></html>`);
  });
  // A file, not an inline script: the Content-Security-Policy allows scripts from this origin only.
  router.get('/api/docs/init.js', (_req, res) => {
    res.type('text/javascript').send("window.ui = SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#docs' });\n");
  });
}
