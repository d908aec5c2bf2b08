import { storedLocale } from '../i18n/locale-storage';

/** RFC 9457 problem details as the API sends them, with field paths for validation errors. */
export interface Problem {
  type?: string;
  title: string;
  status: number;
  detail?: string;
  code?: string;
  errors?: { path: string; message: string }[];
}

export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title);
  }
  get status() {
    return this.problem.status;
  }
}

let language: string = storedLocale();
/** Problem details come back in the UI's language. */
export const setApiLanguage = (locale: string) => {
  language = locale;
};

/** How often a 503 with Retry-After is tried again before it is shown. */
const MAX_RETRIES = 3;

/** Retry-After (seconds; an HTTP date is not sent by this API) in ms, at most 10 s; undefined when absent or unreadable. */
export function retryAfterMs(header: string | null): number | undefined {
  if (header === null || !/^\d+$/.test(header.trim())) return undefined;
  return Math.min(Number(header) * 1000, 10_000);
}

/** A network failure (offline, server unreachable) as a problem the user reads, in the UI's language (issue 20 defect 9). */
async function fetchOrOffline(path: string, init: RequestInit, early?: Promise<Response>): Promise<Response> {
  try {
    return await (early ?? fetch(path, init));
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
    const title = language === 'en' ? 'The network is down: nothing was sent. Try again when you are back online.' : '网络连接中断，未能发出，请恢复网络后重试';
    throw new ApiError({ title, status: 0, code: 'NETWORK' });
  }
}

/** What `api()` sends: same origin with the session cookie, in the UI's language; a write says it is JSON. */
function requestInit(method: string, accept: string, body?: unknown): RequestInit {
  // Every write says it is JSON, an empty one too: the server refuses writes that do not (CSRF, docs/adr/0025).
  const write = method !== 'GET' && method !== 'HEAD';
  return {
    method,
    credentials: 'same-origin',
    headers: { accept, 'accept-language': language, ...(write && { 'content-type': 'application/json' }) },
    ...(write && { body: JSON.stringify(body ?? {}) }),
  };
}

/**
 * GETs the first chunk sends before the app's code has arrived (a returning user's first load, docs/adr/0064): the
 * app's first `api()` call for the same address, in the same language, takes the answer instead of asking again.
 * An answer not taken within a few seconds is dropped, so a later call never gets an old one.
 */
const EARLY_TAKEN_WITHIN_MS = 15_000;
const early = new Map<string, { response: Promise<Response>; language: string; sentAt: number }>();

/** Sends `GET path` as `api()` would, for `api()` to take later (main.tsx's first requests). */
export function sendEarly(path: string) {
  const response = fetch(path, requestInit('GET', 'application/json'));
  response.catch(() => undefined); // a failure is the taker's to report (offline, as fetchOrOffline words it)
  early.set(path, { response, language, sentAt: performance.now() });
}

/** The early answer for `path` in the current language, once; undefined when none was sent, or it is too old. */
function takeEarly(path: string): Promise<Response> | undefined {
  const sent = early.get(path);
  if (!sent) return undefined;
  early.delete(path);
  return sent.language === language && performance.now() - sent.sentAt < EARLY_TAKEN_WITHIN_MS ? sent.response : undefined;
}

/** Calls the API (same origin, session cookie); JSON in and out; a busy server's 503 tried again; errors as ApiError. */
export async function api<T>(path: string, init: { method?: string; body?: unknown; accept?: string } = {}): Promise<T> {
  const method = init.method ?? 'GET';
  const send = (earlyResponse?: Promise<Response>) => fetchOrOffline(path, requestInit(method, init.accept ?? 'application/json', init.body), earlyResponse);
  // the first load's early request for this address, if the first chunk sent one
  let response = await send(method === 'GET' && init.accept === undefined ? takeEarly(path) : undefined);
  // A busy server answers 503 with Retry-After having done nothing: wait as told and try again, a few times.
  for (let retry = 1; retry <= MAX_RETRIES && response.status === 503; retry++) {
    const waitMs = retryAfterMs(response.headers.get('retry-after'));
    if (waitMs === undefined) break;
    await new Promise((resolve) => setTimeout(resolve, waitMs));
    response = await send();
  }
  if (response.status === 204) return undefined as T;
  const type = response.headers.get('content-type') ?? '';
  const body: unknown = type.includes('json') ? await response.json() : await response.text();
  if (!response.ok) {
    const problem = typeof body === 'object' && body ? (body as Problem) : { title: String(body || response.statusText), status: response.status };
    throw new ApiError({ ...problem, status: response.status });
  }
  return body as T;
}
