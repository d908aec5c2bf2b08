import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { RunningServer } from '@kuaibao/api';
import { client, firstReport, login, waitForTask, type Client } from './client';
import { startTestServer } from './server';

type Case = [name: string, body: unknown, headers?: Record<string, string>, expectedStatus?: number, fieldPath?: string];

const BIG = 'x'.repeat(70 * 1024);
const inMinutes = (m: number) => new Date(Date.now() + m * 60_000).toISOString();
/** A valid 电话报告 as the city duty office records it. */
const phoneCall = (overrides: Record<string, unknown> = {}) => ({
  callerName: '李明', callerPhone: '0883-2100001', callerUnitId: 'lx-yjj', calledAt: inMinutes(-5),
  summary: '马台乡帮东村后山发生森林火灾', category: 'natural_disaster', severity: 'II', occurredAt: inMinutes(-25), ...overrides,
});

/** Bodies that are wrong in every way a client can get them wrong; the same for every write endpoint. */
const COMMON: Case[] = [
  ['not JSON at all', '{"title": 临翔', { 'content-type': 'application/json' }, 400],
  ['truncated JSON', '{"a": [1, 2', { 'content-type': 'application/json' }, 400],
  ['a form post', 'a=1&b=2', { 'content-type': 'application/x-www-form-urlencoded' }, 415],
  ['plain text', 'hello', { 'content-type': 'text/plain' }, 415],
  ['gzip that does not inflate', '{}', { 'content-type': 'application/json', 'content-encoding': 'gzip' }, 400],
  ['oversized body', JSON.stringify({ title: BIG }), { 'content-type': 'application/json' }, 413],
  ['a JSON array', '[1,2,3]', { 'content-type': 'application/json' }, 400],
  ['a JSON string', '"text"', { 'content-type': 'application/json' }, 400],
  ['JSON null', 'null', { 'content-type': 'application/json' }, 400],
  ['deep nesting', JSON.stringify(JSON.parse('{"a":'.repeat(200) + '1' + '}'.repeat(200))), { 'content-type': 'application/json' }, 400],
  ['5,000 levels of arrays (it overflowed the stack: 500)', `{"username":"x","password":${'['.repeat(5000)}${']'.repeat(5000)}}`, { 'content-type': 'application/json' }, 400],
];

describe('malformed bodies get 4xx problem details, never a 5xx, and write nothing', () => {
  let server: RunningServer;
  let reporter: Client;
  let verifier: Client;
  let leaderTaskKey: string;
  let verifyTaskKey: string;
  let incidentNumber: string;
  let cityDuty: Client;
  let urgentNumber: string;
  let answerTaskKey: string;
  beforeAll(async () => {
    server = await startTestServer();
    reporter = await login(server.url, 'lx_reporter');
    verifier = await login(server.url, 'lx_verifier');
    const leader = await login(server.url, 'lx_leader');
    const number = (await reporter.post('/api/reports', firstReport())).body.incidentNumber;
    incidentNumber = number;
    verifyTaskKey = (await waitForTask(verifier, number, 'verify')).key;
    const second = (await reporter.post('/api/reports', firstReport({ title: '第二起' }))).body.incidentNumber;
    await verifier.post(`/api/tasks/${(await waitForTask(verifier, second, 'verify')).key}/complete`, { decision: 'confirm' });
    leaderTaskKey = (await waitForTask(leader, second, 'sign_off')).key;
    // 核报 (ADR 0011): a 重大 report reaches the city duty office at once (越级), which asks the unit to verify.
    cityDuty = await login(server.url, 'lc_duty');
    urgentNumber = second;
    await waitForTask(cityDuty, urgentNumber, 'receive_city_direct');
    await cityDuty.post(`/api/incidents/${urgentNumber}/verification-requests`, { question: '请核实伤亡人数', targetUnitId: 'lx-yjj' });
    answerTaskKey = (await waitForTask(verifier, urgentNumber, 'answer_verification')).key;
  });
  afterAll(() => server.close());

  const endpoints: { name: string; path: () => string; user: () => Client; cases: Case[]; common?: false }[] = [
    {
      name: 'POST /api/auth/login',
      path: () => '/api/auth/login',
      user: () => client(server.url),
      cases: [
        ['missing password', { username: 'lx_reporter' }, undefined, 400, 'password'],
        ['wrong types', { username: 42, password: true }, undefined, 400, 'username'],
        ['unknown field', { username: 'a', password: 'b', admin: true }, undefined, 400, 'admin'],
        ['username too long', { username: 'u'.repeat(65), password: 'x' }, undefined, 400, 'username'],
        ['a NUL character in the username', { username: 'lx_reporter\u0000', password: 'x' }, undefined, 400, 'username'],
        ['wrong password', { username: 'lx_leader', password: 'nope' }, undefined, 401],
        ['unknown user', { username: 'nobody', password: 'nope' }, undefined, 401],
      ],
    },
    {
      name: 'POST /api/reports',
      path: () => '/api/reports',
      user: () => reporter,
      cases: [
        ['empty object', {}, undefined, 400, 'title'],
        ['negative casualties', firstReport({ casualties: { dead: -1, injured: 0, seriouslyInjured: 0, missing: 0, trapped: 0 } }), undefined, 400, 'casualties.dead'],
        ['fractional casualties', firstReport({ casualties: { dead: 1.5, injured: 0, seriouslyInjured: 0, missing: 0, trapped: 0 } }), undefined, 400, 'casualties.dead'],
        ['unknown category', firstReport({ category: 'aliens' }), undefined, 400, 'category'],
        ['unknown severity', firstReport({ severity: 'V' }), undefined, 400, 'severity'],
        ['not a date', firstReport({ occurredAt: 'yesterday' }), undefined, 400, 'occurredAt'],
        ['learned before it occurred', firstReport({ occurredAt: '2026-11-22T10:00:00+08:00', learnedAt: '2026-11-22T09:00:00+08:00' }), undefined, 400, 'learnedAt'],
        ['bad division code', firstReport({ place: { divisionCode: '12', address: '某地' } }), undefined, 400, 'place.divisionCode'],
        ['unknown field', firstReport({ hacker: 1 }), undefined, 400, 'hacker'],
        ['another unit', firstReport({ reportingUnitId: 'sj-yjj' }), undefined, 400, 'reportingUnitId'],
        ['a title far too long', firstReport({ title: '火'.repeat(5000) }), undefined, 400, 'title'],
        ['a NUL character in the title (PostgreSQL cannot store it)', firstReport({ title: '森林\u0000火灾' }), undefined, 400, 'title'],
        ['a NUL character in a nested field', firstReport({ contact: { name: '李\u0000明', phone: '0883-2100001' } }), undefined, 400, 'contact.name'],
        ['a lone surrogate in the title (not Unicode: PostgreSQL cannot store it)', firstReport({ title: '森林火灾\ud800' }), undefined, 400, 'title'],
        ['a lone surrogate in a key', { ...firstReport(), ['\udc00']: 1 }, undefined, 400, '\udc00'],
        ['learned an hour from now (it would push every clock back)', firstReport({ occurredAt: inMinutes(-10), learnedAt: inMinutes(60) }), undefined, 400, 'learnedAt'],
        ['occurred tomorrow', firstReport({ occurredAt: inMinutes(24 * 60), learnedAt: inMinutes(24 * 60 + 1) }), undefined, 400, 'occurredAt'],
        ['string numbers', firstReport({ casualties: { dead: '1', injured: 0, seriouslyInjured: 0, missing: 0, trapped: 0 } }), undefined, 400, 'casualties.dead'],
      ],
    },
    {
      name: 'POST /api/incidents/:number/reports (续报/终报)',
      path: () => `/api/incidents/${incidentNumber}/reports`,
      user: () => reporter,
      cases: [
        ['empty object', {}, undefined, 400, 'kind'],
        ['a 首报 through this door', { kind: 'first', progress: '进展' }, undefined, 400, 'kind'],
        ['a 续报 without progress', { kind: 'follow_up', casualties: { dead: 1 } }, undefined, 400, 'progress'],
        ['a 终报 without the end of the response', { kind: 'final', cause: '疲劳驾驶' }, undefined, 400, 'endedAt'],
        ['negative casualties', { kind: 'follow_up', progress: '进展', casualties: { dead: -1 } }, undefined, 400, 'casualties.dead'],
        ['a blank progress', { kind: 'follow_up', progress: '   ' }, undefined, 400, 'progress'],
        ['a NUL character in the progress', { kind: 'follow_up', progress: '火势\u0000扩大' }, undefined, 400, 'progress'],
        ['the incident number in the body', { kind: 'follow_up', progress: '进展', incidentNumber: 'KB-530902-20261122-0001' }, undefined, 400, 'incidentNumber'],
        ['another unit', { kind: 'follow_up', progress: '进展', reportingUnitId: 'sj-yjj' }, undefined, 400, 'reportingUnitId'],
        ['classified content', { kind: 'follow_up', progress: '进展', classified: true }, undefined, 400, 'kind'], // a classified placeholder is a 终报 only (ADR 0030),
        ['not a date', { kind: 'final', endedAt: 'yesterday' }, undefined, 400, 'endedAt'],
        ['string numbers', { kind: 'final', endedAt: '2026-11-22T11:30:00+08:00', economicLossYuan: '1000' }, undefined, 400, 'economicLossYuan'],
        ['valid, but the 首报 is not signed off yet', { kind: 'follow_up', progress: '火势扩大' }, undefined, 409],
      ],
    },
    {
      name: 'POST /api/incidents/:number/reports (an incident that does not exist)',
      path: () => '/api/incidents/KB-530902-20200101-9999/reports',
      user: () => reporter,
      common: false,
      cases: [['no such incident', { kind: 'follow_up', progress: '进展' }, undefined, 404]],
    },
    {
      name: 'POST /api/tasks/:key/complete (verify)',
      path: () => `/api/tasks/${verifyTaskKey}/complete`,
      user: () => verifier,
      cases: [
        ['no decision', {}, undefined, 400, 'decision'],
        ['a sign-off decision on a verify task', { decision: 'approve' }, undefined, 400, 'decision'],
        ['close without a reason', { decision: 'close' }, undefined, 400, 'opinion'],
        ['close with a blank reason', { decision: 'close', opinion: '   ' }, undefined, 400, 'opinion'],
        ['corrections with wrong types', { decision: 'confirm', corrections: { casualties: { dead: 'many' } } }, undefined, 400, 'corrections.casualties.dead'],
        ['unknown field', { decision: 'confirm', extra: 1 }, undefined, 400, 'extra'],
        ['a NUL character in the opinion', { decision: 'confirm', opinion: '属\u0000实' }, undefined, 400, 'opinion'],
        ['a correction into the future', { decision: 'confirm', corrections: { learnedAt: inMinutes(120) } }, undefined, 400, 'corrections.learnedAt'],
        // (the task stays open through each of these: were one completed, the next would get 409)
        ['a lone surrogate in a correction', { decision: 'confirm', corrections: { title: '更正\ud800' } }, undefined, 400, 'corrections.title'],
        ['a correction that has it occur after it was learned of', { decision: 'confirm', corrections: { occurredAt: inMinutes(-1) } }, undefined, 400, 'corrections.learnedAt'],
      ],
    },
    {
      name: 'POST /api/tasks/:key/complete (sign-off)',
      path: () => `/api/tasks/${leaderTaskKey}/complete`,
      user: () => verifier,
      // Refused before the body is read: another unit's task does not exist for this user.
      common: false,
      cases: [['not a candidate of this task', { decision: 'approve' }, undefined, 404]],
    },
    {
      name: 'POST /api/incidents/:number/verification-requests',
      path: () => `/api/incidents/${urgentNumber}/verification-requests`,
      user: () => cityDuty,
      cases: [
        ['empty object', {}, undefined, 400, 'question'],
        ['blank question', { question: '   ', targetUnitId: 'lx-yjj' }, undefined, 400, 'question'],
        ['a NUL character in the question', { question: '请\u0000核实', targetUnitId: 'lx-yjj' }, undefined, 400, 'question'],
        ['question far too long', { question: '核'.repeat(1001), targetUnitId: 'lx-yjj' }, undefined, 400, 'question'],
        ['wrong types', { question: 1, targetUnitId: ['lx-yjj'] }, undefined, 400, 'targetUnitId'],
        ['unknown field', { question: '请核实', targetUnitId: 'lx-yjj', deadline: 'PT1H' }, undefined, 400, 'deadline'],
        ['a unit that does not exist', { question: '请核实', targetUnitId: 'no-such-unit' }, undefined, 400, 'targetUnitId'],
        ['a unit not below the requester', { question: '请核实', targetUnitId: 'yn-yjt' }, undefined, 400, 'targetUnitId'],
        ['a unit below the requester with nothing to do with the incident', { question: '请核实', targetUnitId: 'sj-yjj' }, undefined, 400, 'targetUnitId'],
      ],
    },
    {
      name: 'POST /api/tasks/:key/complete (answer_verification)',
      path: () => `/api/tasks/${answerTaskKey}/complete`,
      user: () => verifier,
      cases: [
        ['no channel', {}, undefined, 400, 'channel'],
        ['an unknown channel', { channel: 'fax', reply: '已核实' }, undefined, 400, 'channel'],
        ['no answer', { channel: 'phone' }, undefined, 400, 'reply'],
        ['a blank answer', { channel: 'phone', reply: '  ' }, undefined, 400, 'reply'],
        ['a NUL character in the answer', { channel: 'phone', reply: '已\u0000核实' }, undefined, 400, 'reply'],
        ['a verify decision on a 核报 task', { decision: 'confirm' }, undefined, 400, 'decision'],
      ],
    },
    {
      name: 'POST /api/incidents/phone-reports',
      path: () => '/api/incidents/phone-reports',
      user: () => cityDuty,
      cases: [
        ['empty object', {}, undefined, 400, 'callerName'],
        ['a blank caller', phoneCall({ callerName: '  ' }), undefined, 400, 'callerName'],
        ['a call an hour from now', phoneCall({ calledAt: inMinutes(60), occurredAt: inMinutes(-5) }), undefined, 400, 'calledAt'],
        ['occurred after the call', phoneCall({ occurredAt: inMinutes(-1) }), undefined, 400, 'occurredAt'],
        ['an unknown severity', phoneCall({ severity: 'V' }), undefined, 400, 'severity'],
        ['a caller outside the duty office', phoneCall({ callerUnitId: 'yn-yjt' }), undefined, 400, 'callerUnitId'],
        ['a NUL character in the summary', phoneCall({ summary: '森林\u0000火灾' }), undefined, 400, 'summary'],
        ['learned of in year 0 (PostgreSQL has none: 500, and a number burned)', phoneCall({ learnedAt: '0000-01-01T00:00:00Z' }), undefined, 400, 'learnedAt'],
        ['occurred before 2000', phoneCall({ occurredAt: '1999-12-31T23:00:00+08:00' }), undefined, 400, 'occurredAt'],
      ],
    },
    {
      name: 'POST /api/tasks/:key/claim',
      path: () => '/api/tasks/999999999999/claim',
      user: () => verifier,
      cases: [['a task that does not exist', {}, undefined, 404], ['a body where none belongs', { assignee: 'someone' }, undefined, 400, 'assignee']],
    },
    {
      name: 'POST /api/tasks/:key/claim (a key beyond 64 bits)',
      path: () => '/api/tasks/9223372036854775808/claim',
      user: () => verifier,
      common: false,
      cases: [['a key no engine issues', {}, undefined, 404]],
    },
    {
      name: 'POST /api/tasks/:key/unclaim',
      path: () => '/api/tasks/not-a-key/unclaim',
      user: () => verifier,
      cases: [['a key that is not a key', {}, undefined, 404]],
    },
    {
      name: 'POST /api/auth/logout',
      path: () => '/api/auth/logout',
      user: () => client(server.url),
      cases: [],
    },
  ];

  for (const endpoint of endpoints) {
    describe(endpoint.name, () => {
      it.each([...(endpoint.common === false ? [] : COMMON), ...endpoint.cases])('%s', async (_name, body, headers, expectedStatus, fieldPath) => {
        // given
        const before = await server.deps.db.prisma.incident.count();
        const reportsBefore = await server.deps.db.prisma.incidentReport.count();

        // when
        const response = await endpoint.user().request('POST', endpoint.path(), body, headers);

        // then
        expect(response.status, JSON.stringify(response.body)).toBeGreaterThanOrEqual(400);
        expect(response.status).toBeLessThan(500);
        if (expectedStatus) expect(response.status, JSON.stringify(response.body)).toBe(expectedStatus);
        expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
        expect(response.body).toMatchObject({ status: response.status, type: expect.stringContaining('/problems/'), title: expect.any(String), code: expect.any(String) });
        if (fieldPath) expect(response.body.errors.map((e: { path: string }) => e.path)).toContain(fieldPath);
        expect(await server.deps.db.prisma.incident.count()).toBe(before);
        expect(await server.deps.db.prisma.incidentReport.count()).toBe(reportsBefore);
      });
    });
  }

  it('refuses a sixth wrong password in a row with 429 and Retry-After, and still lets other users in', async () => {
    const anonymous = client(server.url);
    for (let i = 0; i < 5; i++) expect((await anonymous.post('/api/auth/login', { username: 'sj_duty', password: `guess-${i}` })).status).toBe(401);
    const blocked = await anonymous.request('POST', '/api/auth/login', { username: 'sj_duty', password: 'kuaibao2026' });
    expect(blocked).toMatchObject({ status: 429, body: { code: 'TOO_MANY_REQUESTS' } });
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await anonymous.post('/api/auth/login', { username: 'sj_leader', password: 'kuaibao2026' })).status).toBe(200);
  });

  it('answers in English when asked: the login form’s messages and a conflict’s detail', async () => {
    const english = { 'accept-language': 'en' };
    const empty = await client(server.url).request('POST', '/api/auth/login', { username: '', password: '' }, english);
    expect(empty.body.errors).toEqual([{ path: 'username', message: 'Enter your username' }, { path: 'password', message: 'Enter your password' }]);
    const signOff = await login(server.url, 'lx_leader');
    const notHers = await verifier.request('POST', `/api/tasks/${leaderTaskKey}/claim`, {}, english);
    expect(notHers.body).toMatchObject({ status: 404, detail: `Task ${leaderTaskKey} not found` });
    expect((await signOff.request('POST', `/api/incidents/${incidentNumber}/reports`, { kind: 'follow_up', progress: 'x' }, english)).body.detail).toMatch(/^Only the reporting unit’s reporters/);
  });

  it('counts guesses sent at once: of ten in parallel five are checked and five refused, and then the right password too', async () => {
    const anonymous = client(server.url);
    const guesses = Array.from({ length: 10 }, (_, i) => anonymous.post('/api/auth/login', { username: 'sj_verifier', password: `guess-${i}` }));
    const statuses = (await Promise.all(guesses)).map((r) => r.status).sort();
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429, 429, 429, 429]);
    expect((await anonymous.post('/api/auth/login', { username: 'sj_verifier', password: 'kuaibao2026' })).status).toBe(429);
  });

  it.each([
    ['GET', '/api/tasks/%ZZ'],
    ['POST', '/api/tasks/%ZZ/complete'],
    ['POST', '/api/tasks/%ZZ/claim'],
    ['GET', '/api/incidents/%ZZ'],
    ['POST', '/api/incidents/%E4%B8/reports'],
    ['POST', '/api/incidents/%E4%B8/verification-requests'],
    ['GET', '/api/processes/%ZZ/diagram'],
  ])('answers %s %s (a path parameter that is not valid percent-encoding) with 400 problem details, writing nothing', async (method, path) => {
    // given
    const before = await server.deps.db.prisma.incidentReport.count();

    // when
    const response = await cityDuty.request(method, path, method === 'POST' ? firstReport() : undefined);

    // then
    expect(response.status, JSON.stringify(response.body)).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({ code: 'MALFORMED_URL', title: '请求地址的编码有误', instance: path });
    expect(await server.deps.db.prisma.incidentReport.count()).toBe(before);
  });

  it.each([
    ['/api/stats/timeliness?to=0000-01-01', 'to'],
    ['/api/stats/timeliness?from=0000-01-01&to=0000-12-31', 'from'],
    ['/api/stats/timeliness?from=1999-12-31', 'from'],
  ])('answers GET %s (a day PostgreSQL cannot store, or before any report: it was 500) with 400 and the field path %s', async (path, field) => {
    const response = await cityDuty.get(path);

    expect(response.status, JSON.stringify(response.body)).toBe(400);
    expect(response.body.errors.map((e: { path: string }) => e.path)).toContain(field);
  });

  it.each([
    ['/api/incidents?q=%00', 'q'],
    ['/api/tasks?kind=%00', 'kind'],
    ['/api/tasks/%00', 'key'],
    ['/api/incidents/%00', 'number'],
  ])('answers GET %s (a NUL character, which PostgreSQL cannot store) with 400 and the field path %s', async (path, field) => {
    const response = await cityDuty.get(path);

    expect(response.status, JSON.stringify(response.body)).toBe(400);
    expect(response.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ path: field, message: '不能包含空字符（U+0000）' }] });
  });

  describe('a write from another site (CSRF) is refused and records nothing', () => {
    let taskKey: string;
    let number: string;
    beforeAll(async () => {
      number = (await reporter.post('/api/reports', firstReport({ title: '跨站请求测试' }))).body.incidentNumber;
      taskKey = (await waitForTask(verifier, number, 'verify')).key;
    });
    /** The verifier's entries in the dossier's trail (the flow's own keep coming meanwhile). */
    const trail = async () => server.deps.db.prisma.auditEvent.count({ where: { incidentNumber: number, actorName: (await server.deps.users.findByUsername('lx_verifier'))!.displayName } });

    it.each([
      ['a form post with an empty body from another origin (it was 204 and a receipt)', { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example' }, '', 403],
      ['JSON from another origin', { 'content-type': 'application/json', origin: 'https://evil.example' }, '{"decision":"confirm"}', 403],
      ['JSON from an opaque origin', { 'content-type': 'application/json', origin: 'null' }, '{"decision":"confirm"}', 403],
      ['JSON the browser calls cross-site', { 'content-type': 'application/json', 'sec-fetch-site': 'cross-site' }, '{"decision":"confirm"}', 403],
      ['JSON from a sibling subdomain', { 'content-type': 'application/json', 'sec-fetch-site': 'same-site' }, '{"decision":"confirm"}', 403],
      ['an empty form post with no origin at all', { 'content-type': 'application/x-www-form-urlencoded' }, '', 415],
      ['an empty text/plain post from the same origin', { 'content-type': 'text/plain', 'sec-fetch-site': 'same-origin' }, '', 415],
    ])('%s', async (_name, headers, body, status) => {
      // given
      const before = await trail();

      // when
      const response = await verifier.request('POST', `/api/tasks/${taskKey}/complete`, body, headers);

      // then
      expect(response.status, JSON.stringify(response.body)).toBe(status);
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(await trail()).toBe(before);
      expect((await verifier.get(`/api/tasks/${taskKey}`)).status).toBe(200);
    });

    it('lets the app’s own pages (same origin) and clients that are no browser (curl: neither header) write', async () => {
      const own = new URL(server.url);
      const claimed = await verifier.request('POST', `/api/tasks/${taskKey}/claim`, {}, { origin: own.origin, 'sec-fetch-site': 'same-origin' });
      expect(claimed.status, JSON.stringify(claimed.body)).toBe(204);
      const released = await verifier.request('POST', `/api/tasks/${taskKey}/unclaim`, {});
      expect(released.status, JSON.stringify(released.body)).toBe(204);
    });
  });

  it('refuses a body nested 5,000 levels deep with 400 before anything recursive runs, logging no stack trace', async () => {
    // given
    const logged = vi.spyOn(console, 'error');
    const body = `{"username":"x","password":${'['.repeat(5000)}${']'.repeat(5000)}}`;

    // when
    const response = await client(server.url).request('POST', '/api/auth/login', body, { 'content-type': 'application/json' });

    // then
    expect(response.status, JSON.stringify(response.body)).toBe(400);
    expect(response.body).toMatchObject({ code: 'NESTED_TOO_DEEP', title: '请求体嵌套层数过多' });
    expect(logged).not.toHaveBeenCalled();
    logged.mockRestore();
  });

  it('answers in English when asked', async () => {
    const response = await client(server.url).request('POST', '/api/auth/login', { username: 'x' }, { 'accept-language': 'en-US,en;q=0.9' });
    expect(response.body).toMatchObject({ title: 'The request is invalid', errors: [{ path: 'password' }] });
  });

  it.each([
    ['a 首报', () => reporter, '/api/reports', firstReport({ title: '', learnedAt: inMinutes(60) }), [['title', 'Title must not be empty'], ['learnedAt', 'Time learned must not be in the future']]],
    ['a 电话报告', () => cityDuty, '/api/incidents/phone-reports', phoneCall({ callerName: '', calledAt: inMinutes(60) }), [['callerName', 'Caller must not be empty'], ['calledAt', 'Called at must not be in the future']]],
    ['a 电话报告 out of order', () => cityDuty, '/api/incidents/phone-reports', phoneCall({ occurredAt: inMinutes(-1) }), [['occurredAt', 'The time of occurrence must not be after the call']]],
    ['a 核报 request', () => cityDuty, `/api/incidents/${'KB-530902-20261122-0001'}/verification-requests`, { question: '' }, [['question', 'What to verify must not be empty']]],
  ])('names the fields of %s in English when asked', async (_name, user, path, body, expected) => {
    const response = await user().request('POST', path as string, body, { 'accept-language': 'en' });

    expect(response.status, JSON.stringify(response.body)).toBe(400);
    for (const [field, message] of expected as [string, string][]) expect(response.body.errors).toContainEqual({ path: field, message });
  });
});
