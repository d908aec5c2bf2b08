import { describe, expect, it } from 'vitest';
import { HotInstances } from './hot-instances';
import type { InstanceRuntime } from './runtime';

const runtime = (name: string) => ({ name }) as unknown as InstanceRuntime;

describe('HotInstances', () => {
  it('serves a runtime only at the revision it was committed as, and only once', () => {
    const hot = new HotInstances({ max: 10, idleMs: 1000 });
    const a = runtime('a');
    hot.put('1', { runtime: a, stored: new Map() }, 3);

    expect(hot.take('1', 4)).toBeNull();
    hot.put('1', { runtime: a, stored: new Map() }, 3);
    expect(hot.take('1', 3)?.runtime).toBe(a);
    expect(hot.take('1', 3)).toBeNull();
    hot.clear();
  });

  it('keeps at most `max`, dropping the least recently stepped', () => {
    const hot = new HotInstances({ max: 2, idleMs: 1000 });
    hot.put('1', { runtime: runtime('1'), stored: new Map() }, 1);
    hot.put('2', { runtime: runtime('2'), stored: new Map() }, 1);
    hot.put('1', { runtime: runtime('1'), stored: new Map() }, 2);
    hot.put('3', { runtime: runtime('3'), stored: new Map() }, 1);

    expect(hot.size).toBe(2);
    expect(hot.take('2', 1)).toBeNull();
    expect(hot.take('1', 2)).not.toBeNull();
    hot.clear();
  });

  it('drops instances idle for longer than `idleMs`', () => {
    let now = 0;
    const hot = new HotInstances({ max: 10, idleMs: 1000 }, () => now);
    hot.put('1', { runtime: runtime('1'), stored: new Map() }, 1);
    now = 600;
    hot.put('2', { runtime: runtime('2'), stored: new Map() }, 1);

    now = 1200;
    hot.sweep();

    expect(hot.take('1', 1)).toBeNull();
    expect(hot.take('2', 1)).not.toBeNull();
    hot.clear();
  });

  it('keeps nothing when `max` is 0', () => {
    const hot = new HotInstances({ max: 0, idleMs: 1000 });
    hot.put('1', { runtime: runtime('1'), stored: new Map() }, 1);
    expect(hot.size).toBe(0);
  });
});
