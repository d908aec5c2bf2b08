import { describe, expect, it } from 'vitest';
import { KeyedMutex } from './keyed-mutex';
import { createKeyGenerator } from './keys';

describe('KeyedMutex', () => {
  it('runs work for one key one at a time and different keys side by side', async () => {
    // given
    const mutex = new KeyedMutex();
    const log: string[] = [];
    const work = (key: string, name: string, ms: number) =>
      mutex.run(key, async () => {
        log.push(`${name}:start`);
        await new Promise((r) => setTimeout(r, ms));
        log.push(`${name}:end`);
      });

    // when
    await Promise.all([work('a', 'a1', 20), work('a', 'a2', 1), work('b', 'b1', 1)]);

    // then
    expect(log.indexOf('a1:end')).toBeLessThan(log.indexOf('a2:start'));
    expect(log.indexOf('b1:start')).toBeLessThan(log.indexOf('a1:end'));
  });

  it('releases the key when the work throws', async () => {
    const mutex = new KeyedMutex();
    await expect(mutex.run('a', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(mutex.run('a', async () => 'next')).resolves.toBe('next');
  });
});

describe('createKeyGenerator', () => {
  it('makes unique, increasing keys even within one millisecond', () => {
    const next = createKeyGenerator(() => 1_700_000_000_000);
    const keys = Array.from({ length: 10_000 }, next);
    expect(new Set(keys).size).toBe(keys.length);
    expect([...keys].sort((a, b) => (a < b ? -1 : 1))).toEqual(keys);
  });
});
