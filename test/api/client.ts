/** A tiny HTTP client for the end-to-end tests: real fetch against the real server, with a cookie jar. */
export interface Client {
  readonly username: string;
  /** The session cookie (`kb_session=…`), empty when anonymous. */
  readonly cookie: string;
  request(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<{ status: number; body: any; headers: Headers }>;
  get(path: string): Promise<{ status: number; body: any }>;
  post(path: string, body?: unknown): Promise<{ status: number; body: any }>;
}

export function client(baseUrl: string, username = '(anonymous)', cookie = ''): Client {
  const request: Client['request'] = async (method, path, body, headers = {}) => {
    const response = await send(method, `${baseUrl}${path}`, {
      method,
      headers: {
        ...(cookie && { cookie }),
        ...(body !== undefined && typeof body !== 'string' && { 'content-type': 'application/json' }),
        ...headers,
      },
      ...(body !== undefined && { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // not JSON: keep the text
    }
    return { status: response.status, body: parsed, headers: response.headers };
  };
  return { username, cookie, request, get: (path) => request('GET', path), post: (path, body) => request('POST', path, body ?? {}) };
}

/**
 * fetch, with one more try of a GET whose connection failed before an answer (a kept-alive socket the server closed
 * just then: seen once in a loaded run as "fetch failed" in a poll loop). Writes are never sent twice.
 */
async function send(method: string, url: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch (error) {
    if (method !== 'GET') throw error;
    console.error(`[client] GET ${url} failed (${String((error as { cause?: unknown }).cause ?? error)}); trying once more`);
    return fetch(url, init);
  }
}

export async function login(baseUrl: string, username: string, password = 'kuaibao2026'): Promise<Client> {
  const response = await client(baseUrl).request('POST', '/api/auth/login', { username, password });
  if (response.status !== 200) throw new Error(`login ${username}: ${response.status} ${JSON.stringify(response.body)}`);
  const cookie = response.headers.get('set-cookie')?.split(';')[0] ?? '';
  return client(baseUrl, username, cookie);
}

/** A complete, ordinary 首报 as the web form sends it. */
export function firstReport(overrides: Record<string, unknown> = {}) {
  return {
    kind: 'first',
    title: '临翔区马台乡发生森林火灾',
    category: 'natural_disaster',
    severity: 'II',
    occurredAt: new Date(Date.now() - 40 * 60_000).toISOString(),
    learnedAt: new Date(Date.now() - 30 * 60_000).toISOString(),
    place: { divisionCode: '530902', address: '临翔区马台乡帮东村后山' },
    reportingUnitId: 'lx-yjj',
    casualties: { dead: 0, injured: 2, seriouslyInjured: 0, missing: 0, trapped: 0 },
    course: '13时许马台乡帮东村后山发生森林火灾，过火面积约 30 亩。',
    harm: '2 名扑火人员轻伤，无房屋损毁。',
    contact: { name: '李明', phone: '0883-2100001' },
    ...overrides,
  };
}

/** Polls until the incident's first report has `count` clocks (the flow's worker records them after the submit's answer). */
export async function waitForClocks(user: Client, incidentNumber: string, count = 2, timeoutMs = 15_000): Promise<{ channel: string; state: string; rule: string }[]> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const clocks = (await user.get(`/api/incidents/${incidentNumber}`)).body.reports[0].clocks as { channel: string; state: string; rule: string }[];
    if (clocks.length >= count) return clocks;
    if (Date.now() > until) throw new Error(`${incidentNumber} has ${clocks.length} of ${count} clocks after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Polls until the user has an open task of this kind for the incident (the engine works asynchronously). */
export async function waitForTask(user: Client, incidentNumber: string, kind: string, timeoutMs = 15_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const { body } = await user.get(`/api/tasks?kind=${kind}&pageSize=200`);
    const task = (body.items as { incidentNumber: string; key: string; kind: string }[]).find((t) => t.incidentNumber === incidentNumber);
    if (task) return task;
    if (Date.now() > until) throw new Error(`${user.username} got no ${kind} task for ${incidentNumber}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
