import type { z } from 'zod';

export type ErrorCode =
  | 'VALIDATION_FAILED'
  | 'MALFORMED_JSON'
  | 'NESTED_TOO_DEEP'
  | 'MALFORMED_URL'
  | 'UNREADABLE_BODY'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'UNAUTHENTICATED'
  | 'INVALID_CREDENTIALS'
  | 'FORBIDDEN'
  | 'PASSWORD_CHANGE_REQUIRED'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'CHECKS_FAILED'
  | 'CANNOT_TRY'
  | 'TOO_MANY_REQUESTS'
  | 'ENGINE_UNAVAILABLE'
  | 'NOT_ON_THIS_ENGINE'
  | 'OVERLOADED'
  | 'INTERNAL';

/** Words for people in both languages (Chinese first); the problem middleware answers in the request's. */
export interface Bilingual {
  'zh-CN': string;
  en: string;
}
export const bilingual = (zhCN: string, en: string): Bilingual => ({ 'zh-CN': zhCN, en });
export type Text = string | Bilingual;
/** A text in one language (a plain string is the same in both). */
export const textIn = (locale: keyof Bilingual, text: Text): string => (typeof text === 'string' ? text : text[locale]);

export interface FieldError {
  /** Dotted path of the field, e.g. `casualties.dead`; empty for the body itself. */
  path: string;
  message: Text;
}

/** The one error type routes and services throw; the problem middleware turns it into RFC 9457 JSON. */
export class AppError extends Error {
  override readonly name = 'AppError';
  /** The detail for people, in both languages where it is written so. */
  readonly text: Text;
  constructor(
    readonly code: ErrorCode,
    message?: Text,
    readonly errors: FieldError[] = [],
    /** More members of the problem details (RFC 9457 extensions), e.g. a 409's current state or a 422's findings. */
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(message === undefined ? code : textIn('zh-CN', message));
    this.text = message ?? code;
  }
}

/**
 * VALIDATION_FAILED for a failed zod parse (and any field errors found beside it): one entry per field path;
 * an unknown key is named by its own path, not its object's.
 */
export function validationFailed(issues: readonly z.core.$ZodIssue[], found: FieldError[] = []): AppError {
  const errors = [
    ...found,
    ...issues.flatMap((issue) =>
      issue.code === 'unrecognized_keys'
        ? issue.keys.map((key) => ({ path: [...issue.path, key].join('.'), message: issue.message }))
        : [{ path: issue.path.join('.'), message: issue.message }],
    ),
  ];
  const detail = (locale: keyof Bilingual) => errors.map((e) => `${e.path || '(body)'}: ${textIn(locale, e.message)}`).join('; ');
  return new AppError('VALIDATION_FAILED', bilingual(detail('zh-CN'), detail('en')), errors);
}

/** VALIDATION_FAILED about one field, found by a check beyond the schema: the message is the detail too. */
export const invalidField = (path: string, message: Text): AppError => new AppError('VALIDATION_FAILED', message, [{ path, message }]);

/** The one table from error codes to HTTP statuses and titles (zh-CN first, English second). */
export const ERROR_TABLE: Record<ErrorCode, { status: number; title: Bilingual }> = {
  VALIDATION_FAILED: { status: 400, title: { 'zh-CN': '请求内容有误', en: 'The request is invalid' } },
  MALFORMED_JSON: { status: 400, title: { 'zh-CN': '请求体不是合法的 JSON', en: 'The request body is not valid JSON' } },
  NESTED_TOO_DEEP: { status: 400, title: { 'zh-CN': '请求体嵌套层数过多', en: 'The request body is nested too deeply' } },
  MALFORMED_URL: { status: 400, title: { 'zh-CN': '请求地址的编码有误', en: 'The request URL is not correctly encoded' } },
  UNREADABLE_BODY: { status: 400, title: { 'zh-CN': '请求体无法读取', en: 'The request body could not be read' } },
  PAYLOAD_TOO_LARGE: { status: 413, title: { 'zh-CN': '请求体过大', en: 'The request body is too large' } },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, title: { 'zh-CN': '请求体必须是 JSON', en: 'The request body must be JSON' } },
  UNAUTHENTICATED: { status: 401, title: { 'zh-CN': '请先登录', en: 'Please log in' } },
  INVALID_CREDENTIALS: { status: 401, title: { 'zh-CN': '用户名或密码错误', en: 'Wrong username or password' } },
  FORBIDDEN: { status: 403, title: { 'zh-CN': '无权执行此操作', en: 'You may not do this' } },
  PASSWORD_CHANGE_REQUIRED: { status: 403, title: { 'zh-CN': '请先修改密码', en: 'Change your password first' } },
  NOT_FOUND: { status: 404, title: { 'zh-CN': '资源不存在', en: 'Not found' } },
  CONFLICT: { status: 409, title: { 'zh-CN': '操作与当前状态冲突', en: 'The request conflicts with the current state' } },
  CHECKS_FAILED: { status: 422, title: { 'zh-CN': '流程检查未通过', en: 'The process failed its checks' } },
  CANNOT_TRY: { status: 422, title: { 'zh-CN': '无法试运行', en: 'The draft cannot be tried' } },
  TOO_MANY_REQUESTS: { status: 429, title: { 'zh-CN': '尝试次数过多，请稍后再试', en: 'Too many attempts, try again later' } },
  NOT_ON_THIS_ENGINE: { status: 501, title: { 'zh-CN': '当前流程引擎不提供此功能', en: 'The workflow engine in use does not offer this' } },
  ENGINE_UNAVAILABLE: { status: 503, title: { 'zh-CN': '流程引擎暂不可用', en: 'The workflow engine is unavailable' } },
  OVERLOADED: { status: 503, title: { 'zh-CN': '服务器繁忙，请稍后重试', en: 'The server is busy, try again shortly' } },
  INTERNAL: { status: 500, title: { 'zh-CN': '服务器内部错误', en: 'Internal server error' } },
};
