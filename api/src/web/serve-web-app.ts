import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import compression from 'compression';
import express, { type Express, type RequestHandler } from 'express';
import { SESSION_COOKIE } from '../auth/session-user';
import { routePreloads } from './route-preloads';

/** Where `npm run build --workspace web` (run by `npm install`) puts the web app. */
export const WEB_DIST_DIR = path.resolve(import.meta.dirname, '../../../web/dist');

export const isWebAppBuilt = (distDir = WEB_DIST_DIR) => existsSync(path.join(distDir, 'index.html'));

/** A year: the file names under /assets carry their content's hash, so a changed file is a new name. */
const IMMUTABLE = { immutable: true, maxAge: '1y' } as const;

/**
 * Serves the built web app (startServer's `web` option): hashed assets cached for a year and sent compressed
 * (the build's brotli or gzip copy, as the browser accepts; anything without one is compressed on the fly),
 * index.html revalidated each time, and every other GET outside /api answered with index.html so the
 * browser's router handles deep links (with the chunks its page needs to preload).
 */
export function serveWebApp(distDir = WEB_DIST_DIR): (app: Express) => void {
  const index = path.join(distDir, 'index.html');
  if (!existsSync(index)) throw new Error(`The web app is not built (${index} is missing): run \`npm run build --workspace web\`.`);
  const assetsDir = path.join(distDir, 'assets');
  const html = readFileSync(index, 'utf8');
  const preloads = routePreloads(distDir);
  const withSession = new RegExp(`(^|;\\s*)${SESSION_COOKIE}=`);
  return (app) => {
    app.use('/assets', precompressed(assetsDir), compression(), express.static(assetsDir, { ...IMMUTABLE, index: false }));
    app.use(compression(), express.static(distDir, { index: false }));
    app.use((req, res, next) => {
      const page = (req.method === 'GET' || req.method === 'HEAD') && !req.path.startsWith('/api/') && !path.extname(req.path);
      if (!page) return next();
      // the app's code, and the frame's and the page's (or the login page's), fetched beside the first chunk (docs/adr/0060)
      const extra = preloads(req.path, withSession.test(req.headers.cookie ?? ''));
      res.set('cache-control', 'no-cache').vary('Cookie').type('html').send(extra ? html.replace('</head>', `${extra}</head>`) : html);
    });
  };
}

const ENCODINGS = [
  { encoding: 'br', suffix: '.br' },
  { encoding: 'gzip', suffix: '.gz' },
] as const;

/** Sends `<file>.br` / `<file>.gz` written by the web build (web/vite.config.ts) to a browser that accepts it. */
function precompressed(dir: string): RequestHandler {
  const files = new Set(existsSync(dir) ? readdirSync(dir) : []);
  return (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    const name = req.path.slice(1);
    if (!files.has(name)) return next();
    res.vary('Accept-Encoding');
    // brotli first where the browser takes both (it is the smaller), whatever order it lists them in
    const chosen = ENCODINGS.find((e) => files.has(name + e.suffix) && req.acceptsEncodings(e.encoding) === e.encoding);
    if (!chosen) return next();
    res.type(path.extname(name)).set('content-encoding', chosen.encoding);
    // A browser that goes away mid-file (a page left while loading) is no error of ours.
    res.sendFile(name + chosen.suffix, { root: dir, ...IMMUTABLE }, (error?: Error & { code?: string }) => {
      if (error && error.code !== 'ECONNABORTED' && !res.headersSent) next(error);
    });
  };
}
