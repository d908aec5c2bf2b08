import type { ErrorRequestHandler, RequestHandler } from 'express';
import { isDatabaseBusy } from '@kuaibao/db';
import { EngineError } from '@kuaibao/engine';
import { localeOf } from '../http/locale';
import { AppError, bilingual, ERROR_TABLE, textIn, type ErrorCode } from './app-error';

const PROBLEM_BASE = 'https://kuaibao.example/problems/';
/** What a 503 tells the client to wait before trying again. */
const RETRY_AFTER_SECONDS = 2;

/** Express/body-parser error types that are the client's fault. */
const BODY_ERRORS: Record<string, ErrorCode> = {
  'entity.parse.failed': 'MALFORMED_JSON',
  'entity.too.deep': 'NESTED_TOO_DEEP',
  'entity.too.large': 'PAYLOAD_TOO_LARGE',
  'charset.unsupported': 'UNSUPPORTED_MEDIA_TYPE',
  'encoding.unsupported': 'UNSUPPORTED_MEDIA_TYPE',
  'request.size.invalid': 'MALFORMED_JSON',
  'request.aborted': 'MALFORMED_JSON',
};

const ENGINE_ERRORS: Record<EngineError['code'], ErrorCode> = {
  NOT_FOUND: 'NOT_FOUND',
  INVALID_STATE: 'CONFLICT',
  INVALID_ARGUMENT: 'VALIDATION_FAILED',
  INVALID_DEFINITION: 'VALIDATION_FAILED',
  STEP_FAILED: 'CONFLICT',
};

export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof EngineError) return new AppError(ENGINE_ERRORS[error.code], error.message);
  if (isDatabaseBusy(error)) return new AppError('OVERLOADED', bilingual('服务器繁忙，请稍后重试', 'The server is busy; try again shortly'));
  // Express's router cannot decode a path parameter such as `%ZZ` or a cut-off `%E4%B8`.
  if (error instanceof URIError) return new AppError('MALFORMED_URL', error.message);
  const type = (error as { type?: unknown } | null)?.type;
  if (typeof type === 'string' && BODY_ERRORS[type]) return new AppError(BODY_ERRORS[type], (error as Error).message);
  // Any other client error body-parser reports (an http-errors 400 it may show), e.g. a gzip body that does not inflate.
  const { status, expose } = error as { status?: unknown; expose?: unknown };
  if (status === 400 && expose === true) return new AppError('UNREADABLE_BODY', (error as Error).message);
  return new AppError('INTERNAL');
}

/** Turns every error into RFC 9457 problem details; only unexpected errors are logged, and never leak. */
export const problemMiddleware: ErrorRequestHandler = (error, req, res, _next) => {
  const appError = toAppError(error);
  const entry = ERROR_TABLE[appError.code];
  const locale = localeOf(req);
  if (appError.code === 'INTERNAL') console.error('[api] unexpected error', req.method, req.originalUrl, error);
  // Overload and an engine away are passing: say when to try again (the web app's client does, ADR 0025).
  if (entry.status === 503 && !res.getHeader('Retry-After')) res.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
  res
    .status(entry.status)
    .type('application/problem+json')
    .json({
      type: `${PROBLEM_BASE}${appError.code.toLowerCase().replaceAll('_', '-')}`,
      title: entry.title[locale],
      status: entry.status,
      ...(appError.code !== 'INTERNAL' && appError.text !== appError.code && { detail: textIn(locale, appError.text) }),
      instance: req.originalUrl,
      code: appError.code,
      ...(appError.errors.length > 0 && { errors: appError.errors.map((e) => ({ path: e.path, message: textIn(locale, e.message) })) }),
      ...appError.extensions,
    });
};

/**
 * Write requests must say they carry JSON, even with no body at all: a cross-site form or a "simple" fetch cannot send
 * that content type without the browser asking first (CORS preflight, which this API never grants). docs/adr/0025.
 */
export const requireJsonBody: RequestHandler = (req, _res, next) => {
  if (['POST', 'PUT', 'PATCH', 'DELETE'].includes(req.method) && !req.is('application/json')) {
    next(new AppError('UNSUPPORTED_MEDIA_TYPE', bilingual(`请求须声明 JSON（Content-Type: application/json），收到的是 ${req.headers['content-type'] ?? '（无）'}`, `Content-Type ${req.headers['content-type'] ?? '(none)'} is not application/json`)));
    return;
  }
  next();
};

export const notFoundRoute: RequestHandler = (req, _res, next) => next(new AppError('NOT_FOUND', bilingual(`没有这个接口：${req.method} ${req.path}`, `No route ${req.method} ${req.path}`)));
