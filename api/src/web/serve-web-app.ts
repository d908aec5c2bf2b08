import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { type Express } from 'express';

/** Where `npm run build --workspace web` (run by `npm install`) puts the web app. */
export const WEB_DIST_DIR = path.resolve(import.meta.dirname, '../../../web/dist');

export const isWebAppBuilt = (distDir = WEB_DIST_DIR) => existsSync(path.join(distDir, 'index.html'));

/**
 * Serves the built web app (startServer's `web` option): hashed assets cached for a year, every other
 * GET outside /api answered with index.html so the browser's router handles deep links.
 */
export function serveWebApp(distDir = WEB_DIST_DIR): (app: Express) => void {
  const index = path.join(distDir, 'index.html');
  if (!existsSync(index)) throw new Error(`The web app is not built (${index} is missing): run \`npm run build --workspace web\`.`);
  return (app) => {
    app.use('/assets', express.static(path.join(distDir, 'assets'), { immutable: true, maxAge: '1y', index: false }));
    app.use(express.static(distDir, { index: false }));
    app.use((req, res, next) => {
      const page = (req.method === 'GET' || req.method === 'HEAD') && !req.path.startsWith('/api/') && !path.extname(req.path);
      if (!page) return next();
      res.set('cache-control', 'no-cache').sendFile(index);
    });
  };
}
