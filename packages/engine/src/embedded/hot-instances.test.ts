import { describe, expect, it } from 'vitest';
import { HotInstances } from './hot-instances';
import type { InstanceRecord } from '../store';
import type { InstanceRuntime } from './runtime';

const runtime = (name: string) => ({ name }) as unknown as InstanceRuntime;
/** A runtime as a step committing `revision` keeps it. */
const kept = (r: InstanceRuntime, revision: number) => ({ runtime: r, stored: new Map(), record: { revision } as InstanceRecord });

describe('HotInstances', () => {
  it('serves a runtime only at the revision it was committed as, and only once', () => {
    const hot = new HotInstances({ max: 10, idleMs: 1000 });
    const a = runtime('a');
    hot.put('1', kept(a, 3));

    expect(hot.takeAt('1', 4)).toBeNull();
    hot.put('1', kept(a, 3));
    expect(hot.takeAt('1', 3)?.runtime).toBe(a);
    expect(hot.takeAt('1', 3)).toBeNull();
    hot.clear();
  });

  it('gives a step the kept runtime whatever its revision, once (the step’s write checks the revision)', () => {
    const hot = new HotInstances({ max: 10, idleMs: 1000 });
    const a = runtime('a');
    hot.put('1', kept(a, 3));

    expect(hot.revisionOf('1')).toBe(3);
    expect(hot.take('1')?.record.revision).toBe(3);
    expect(hot.take('1')).toBeNull();
    hot.clear();
  });

  it('keeps at most `max`, dropping the least recently stepped', () => {
    const hot = new HotInstances({ max: 2, idleMs: 1000 });
    hot.put('1', kept(runtime('1'), 1));
    hot.put('2', kept(runtime('2'), 1));
    hot.put('1', kept(runtime('1'), 2));
    hot.put('3', kept(runtime('3'), 1));

    expect(hot.size).toBe(2);
    expect(hot.takeAt('2', 1)).toBeNull();
    expect(hot.takeAt('1', 2)).not.toBeNull();
    hot.clear();
  });

  it('drops instances idle for longer than `idleMs`', () => {
    let now = 0;
    const hot = new HotInstances({ max: 10, idleMs: 1000 }, () => now);
    hot.put('1', kept(runtime('1'), 1));
    now = 600;
    hot.put('2', kept(runtime('2'), 1));

    now = 1200;
    hot.sweep();

    expect(hot.takeAt('1', 1)).toBeNull();
    expect(hot.takeAt('2', 1)).not.toBeNull();
    hot.clear();
  });

  it('keeps nothing when `max` is 0', () => {
    const hot = new HotInstances({ max: 0, idleMs: 1000 });
    hot.put('1', kept(runtime('1'), 1));
    expect(hot.size).toBe(0);
  });
});
