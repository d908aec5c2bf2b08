import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '@kuaibao/api';
import { firstReport, login, type Client } from './client';
import { startTestServer } from './server';

/** A burst of simultaneous submits on PGlite (ADR 0025): overload is 503 with Retry-After, never 500, and loses nothing. */
describe('a burst of submits beyond what the server admits', () => {
  let server: RunningServer;
  let reporter: Client;
  beforeAll(async () => {
    // 2 served at once and 6 in line: a burst of 30 overflows the line at once
    server = await startTestServer({ config: { WRITE_CONCURRENCY: 2, WRITE_QUEUE: 6 } });
    reporter = await login(server.url, 'lx_reporter');
  });
  afterAll(() => server.close());

  it('answers each 201 or 503 with Retry-After, never 500; every 201 is a dossier and the numbers have no gap', { timeout: 120_000 }, async () => {
    // when
    const answers = await Promise.all(Array.from({ length: 30 }, (_, i) => reporter.request('POST', '/api/reports', firstReport({ title: `突发测试 ${i}` }))));

    // then
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s !== 201 && s !== 503), JSON.stringify(answers.filter((a) => a.status >= 500 && a.status !== 503).map((a) => a.body))).toEqual([]);
    const busy = answers.filter((a) => a.status === 503);
    expect(busy.length).toBeGreaterThan(0);
    for (const answer of busy) {
      expect(Number(answer.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(answer.body).toMatchObject({ code: 'OVERLOADED', status: 503 });
    }
    const numbers = answers.filter((a) => a.status === 201).map((a) => a.body.incidentNumber as string).sort();
    expect(numbers.length).toBeGreaterThanOrEqual(8);
    expect(await server.deps.db.prisma.incident.count()).toBe(numbers.length);
    expect(numbers.map((n) => Number(n.slice(-4)))).toEqual(numbers.map((_, i) => i + 1));
  });

  it('serves the writes it queued and takes new ones once the burst has passed', async () => {
    const after = await reporter.request('POST', '/api/reports', firstReport({ title: '突发之后' }));
    expect(after.status, JSON.stringify(after.body)).toBe(201);
  });
});
