import type { InstanceRecord, StoredWaits } from '../store';
import type { InstanceRuntime } from './runtime';

export interface HotInstanceOptions {
  /** How many recently stepped instances stay in memory (0: none; every step recovers from the database). */
  max: number;
  /** An instance not stepped for this long is dropped from memory. */
  idleMs: number;
}

export const DEFAULT_HOT_INSTANCES: HotInstanceOptions = { max: 200, idleMs: 5_000 };

/**
 * A runtime as its step committed it, with the element instances whose wait rows that step left and the instance's row
 * as written (its revision the one the runtime's state was committed as).
 */
export interface HotInstance {
  runtime: InstanceRuntime;
  stored: StoredWaits;
  record: InstanceRecord;
}

interface Entry extends HotInstance {
  usedAt: number;
}

/**
 * The runtimes of instances stepped a moment ago, kept so the next step of the same instance skips
 * recovering its state (docs/adr/0015) and locking and reading its row first (docs/adr/0074). The database
 * stays the truth: an entry serves only a step whose write finds the row at exactly the revision the entry
 * committed, so a write by any other process (or a rolled-back step, whose runtime is never put back) makes
 * it unusable. A step takes its entry out while it runs; instances idle for `idleMs`, and the least recently
 * used beyond `max`, are dropped, so idle instances cost no memory.
 */
export class HotInstances {
  private readonly entries = new Map<string, Entry>();
  private sweeper: NodeJS.Timeout | null = null;

  constructor(
    private readonly options: HotInstanceOptions,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** The kept runtime, taken out of the cache, whatever revision it committed; null when absent. */
  take(instanceKey: string): HotInstance | null {
    const entry = this.entries.get(instanceKey);
    if (!entry) return null;
    this.entries.delete(instanceKey);
    return entry;
  }

  /** The runtime committed at `revision`, taken out of the cache; null when absent or stale. */
  takeAt(instanceKey: string, revision: number): HotInstance | null {
    const entry = this.take(instanceKey);
    return entry?.record.revision === revision ? entry : null;
  }

  /** The revision the kept runtime of an instance committed, if one is kept. */
  revisionOf(instanceKey: string): number | undefined {
    return this.entries.get(instanceKey)?.record.revision;
  }

  /** Keeps a runtime whose step committed `hot.record` (at its revision). */
  put(instanceKey: string, hot: HotInstance) {
    if (this.options.max <= 0) return;
    this.entries.delete(instanceKey);
    this.entries.set(instanceKey, { ...hot, usedAt: this.now() });
    while (this.entries.size > this.options.max) this.entries.delete(this.entries.keys().next().value!);
    this.sweepLater();
  }

  drop(instanceKey: string) {
    this.entries.delete(instanceKey);
  }

  get size(): number {
    return this.entries.size;
  }

  /** Drops every entry not used for `idleMs` (entries are in order of use, oldest first). */
  sweep() {
    const before = this.now() - this.options.idleMs;
    for (const [key, entry] of this.entries) {
      if (entry.usedAt > before) break;
      this.entries.delete(key);
    }
  }

  clear() {
    this.entries.clear();
    if (this.sweeper) clearTimeout(this.sweeper);
    this.sweeper = null;
  }

  private sweepLater() {
    if (this.sweeper) return;
    this.sweeper = setTimeout(() => {
      this.sweeper = null;
      this.sweep();
      if (this.entries.size > 0) this.sweepLater();
    }, Math.max(100, this.options.idleMs / 2));
    this.sweeper.unref();
  }
}
