/**
 * The timers that bpmn-engine is handed: they never start a real setTimeout. They record when each
 * timer is due, the engine persists that in the timer table, and a step fires it by resuming the
 * instance once the due time has passed (bpmn-elements completes an expired timer on resume).
 * So timers survive restarts, do not keep Node alive, and may be longer than setTimeout's 24.8 days.
 */
export interface RecordedTimer {
  elementId: string;
  executionId: string;
  dueAt: Date;
  callback: () => void;
  ref: object;
}

interface TimerOwner {
  id: string;
  executionId: string;
  expireAt?: Date | string;
}

export class RecordingTimers {
  private readonly active = new Map<object, RecordedTimer>();

  constructor(private readonly now: () => number) {}

  get executing(): RecordedTimer[] {
    return [...this.active.values()];
  }

  register(owner: TimerOwner) {
    return {
      setTimeout: (callback: (...args: unknown[]) => void, delay: number, ...args: unknown[]) =>
        this.record(owner, () => callback(...args), delay),
      clearTimeout: (ref: object | undefined) => this.clearTimeout(ref),
    };
  }

  setTimeout(callback: (...args: unknown[]) => void, delay: number, ...args: unknown[]) {
    return this.record({ id: 'anonymous', executionId: 'anonymous' }, () => callback(...args), delay);
  }

  clearTimeout(ref: object | undefined) {
    if (ref) this.active.delete(ref);
    return undefined;
  }

  private record(owner: TimerOwner, callback: () => void, delay: number) {
    const ref = {};
    const dueAt = owner.expireAt ? new Date(owner.expireAt) : new Date(this.now() + delay);
    this.active.set(ref, { elementId: owner.id, executionId: owner.executionId, dueAt, callback, ref });
    return ref;
  }
}
