import { describe, expect, it } from 'vitest';
import { holdsDatabaseAlone, SessionCache, sessionCacheOf } from './session-cache';

const session = (expiresAt: number, name = 'a') => ({ expiresAt: new Date(expiresAt), name });

describe('session cache', () => {
  it('serves a session until its time in the cache or its own expiry ends, whichever is first', () => {
    // given
    const cache = new SessionCache<ReturnType<typeof session>>(10_000);
    cache.remember('long', session(60_000), cache.mark(), 0);
    cache.remember('short', session(5_000), cache.mark(), 0);

    // then
    expect(cache.get('long', 9_999)?.name).toBe('a');
    expect(cache.get('long', 10_000)).toBeUndefined();
    expect(cache.get('short', 4_999)?.name).toBe('a');
    expect(cache.get('short', 5_000)).toBeUndefined();
  });

  it('forgets a session at once, and never stores what a lookup read before a forget or a clear', () => {
    // given
    const cache = new SessionCache<ReturnType<typeof session>>(10_000);
    cache.remember('s', session(60_000), cache.mark(), 0);

    // when: logged out
    cache.forget('s');

    // then
    expect(cache.get('s', 1)).toBeUndefined();

    // a lookup that began before a clear (an admin's change) and ends after it is not cached
    const before = cache.mark();
    cache.clear();
    cache.remember('s', session(60_000, 'stale'), before, 2);
    expect(cache.get('s', 3)).toBeUndefined();
    cache.remember('s', session(60_000, 'fresh'), cache.mark(), 4);
    expect(cache.get('s', 5)?.name).toBe('fresh');
  });

  it('caches only for a database this process holds alone (PGlite), never for a shared one (PostgreSQL)', () => {
    // given: a client marked as holding its database alone, and one not marked
    const embedded = {};
    holdsDatabaseAlone(embedded);
    const shared = {};

    // when: each remembers a session found valid
    for (const client of [embedded, shared]) {
      const cache = sessionCacheOf<ReturnType<typeof session>>(client);
      cache.remember('s', session(60_000), cache.mark(), 0);
    }

    // then: only the embedded one serves it from memory
    expect(sessionCacheOf(embedded).get('s', 1)).toBeDefined();
    expect(sessionCacheOf(shared).get('s', 1)).toBeUndefined();
  });
});
