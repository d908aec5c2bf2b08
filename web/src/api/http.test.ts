import { afterEach, describe, expect, it, vi } from 'vitest';
import { api, ApiError } from './http';

const answer = (status: number, headers: Record<string, string> = {}, body: unknown = { title: 'busy', status }) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

describe('the web app’s API client', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('tries a 503 with Retry-After again, as told, and gets the answer', async () => {
    // given: a server busy twice, then done
    const fetch = vi.fn().mockResolvedValueOnce(answer(503, { 'retry-after': '0' })).mockResolvedValueOnce(answer(503, { 'retry-after': '0' })).mockResolvedValueOnce(answer(201, {}, { incidentNumber: 'KB-1' }));
    vi.stubGlobal('fetch', fetch);

    // when
    const result = await api<{ incidentNumber: string }>('/api/reports', { method: 'POST', body: { title: 'x' } });

    // then
    expect(result).toEqual({ incidentNumber: 'KB-1' });
    expect(fetch).toHaveBeenCalledTimes(3);
    expect(fetch.mock.calls[2]![1]).toMatchObject({ method: 'POST', body: '{"title":"x"}', headers: { 'content-type': 'application/json' } });
  });

  it('shows a 503 without Retry-After at once, and gives up after three retries', async () => {
    const once = vi.fn().mockResolvedValue(answer(503));
    vi.stubGlobal('fetch', once);
    await expect(api('/api/tasks')).rejects.toBeInstanceOf(ApiError);
    expect(once).toHaveBeenCalledTimes(1);

    const always = vi.fn().mockImplementation(async () => answer(503, { 'retry-after': '0' }));
    vi.stubGlobal('fetch', always);
    await expect(api('/api/tasks')).rejects.toMatchObject({ status: 503 });
    expect(always).toHaveBeenCalledTimes(4);
  });

  it('says every write is JSON, one with no body too', async () => {
    const fetch = vi.fn().mockResolvedValue(new Response(null, { status: 204 }));
    vi.stubGlobal('fetch', fetch);

    await api('/api/auth/logout', { method: 'POST' });

    expect(fetch.mock.calls[0]![1]).toMatchObject({ body: '{}', headers: { 'content-type': 'application/json' } });
  });
});
