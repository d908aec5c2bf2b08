import type { Request, RequestHandler } from 'express';
import { AppError, bilingual } from '../errors/app-error';

/** Methods that change nothing; every other method is a write and must come from the app's own pages. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The origin this request was sent to, as a browser would write it in Origin (scheme and host, behind a loopback proxy too). */
const ownOrigin = (req: Request) => `${req.protocol}://${req.get('host') ?? ''}`;

/**
 * Refuses a write sent from another site (CSRF, docs/adr/0025). A browser names where a request comes from: modern ones in
 * Sec-Fetch-Site, every one in Origin on a POST. A write passes when Sec-Fetch-Site, if present, is `same-origin` and Origin,
 * if present, is this server's own. A request with neither comes from no browser (curl, scripts, the tests' fetch): there is
 * no victim's cookie to ride on, so it passes (its session cookie is its own).
 */
export const requireSameOrigin: RequestHandler = (req, _res, next) => {
  if (SAFE_METHODS.has(req.method)) return next();
  const site = req.headers['sec-fetch-site'];
  const origin = req.headers.origin;
  if (site !== undefined && site !== 'same-origin') return next(crossSite(`Sec-Fetch-Site: ${site}`));
  if (origin !== undefined && origin !== ownOrigin(req)) return next(crossSite(`Origin: ${origin}`));
  next();
};

const crossSite = (what: string) =>
  new AppError('FORBIDDEN', bilingual(`拒绝来自其他站点的写请求（${what}）`, `A write from another site is refused (${what})`));
