import { storedLocale } from '../i18n/locale-storage';
import { takeEarly } from './early-requests';

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

/** Calls the API (same origin, session cookie); JSON in and out; a busy server's 503 tried again; errors as ApiError. */
export async function api<T>(path: string, init: { method?: string; body?: unknown; accept?: string } = {}): Promise<T> {
  const method = init.method ?? 'GET';
  // Every write says it is JSON, an empty one too: the server refuses writes that do not (CSRF, docs/adr/0025).
  const write = method !== 'GET' && method !== 'HEAD';
  // the first load's early request for this address (early-requests.ts), if the first chunk sent one
  let early = method === 'GET' && init.accept === undefined ? takeEarly(path, language) : undefined;
  const send = () =>
    fetchOrOffline(path, {
      method,
      credentials: 'same-origin',
      headers: {
        accept: init.accept ?? 'application/json',
        'accept-language': language,
        ...(write && { 'content-type': 'application/json' }),
      },
      ...(write && { body: JSON.stringify(init.body ?? {}) }),
    }, early);
  let response = await send();
  early = undefined;
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
