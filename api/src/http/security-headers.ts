import helmet from 'helmet';
import type { RequestHandler } from 'express';

/**
 * Security headers on every answer (helmet, docs/adr/0025): a Content-Security-Policy the web app runs under (its scripts,
 * styles and API from this origin only; inline styles allowed, because Ant Design injects its CSS-in-JS as <style> elements and
 * bpmn-js sets style attributes on the diagram; images also as data: URIs), no framing by anyone, nosniff, no Referer, and
 * HSTS only behind TLS (COOKIE_SECURE=true): on plain HTTP it would be ignored, and upgrade-insecure-requests would break
 * a LAN install reached by http://<address>.
 */
export function securityHeaders(options: { https: boolean }): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        baseUri: ["'self'"],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        objectSrc: ["'none'"],
        scriptSrc: ["'self'"],
        scriptSrcAttr: ["'none'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        ...(options.https && { upgradeInsecureRequests: [] }),
      },
    },
    strictTransportSecurity: options.https ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    xFrameOptions: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
  });
}
