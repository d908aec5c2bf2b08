import type { OpenTaskHead } from '@kuaibao/db';
import type { TaskEvent, TaskEventBus, TaskEventType } from './task-event-bus';

export interface OpenTaskWatcherOptions {
  /** Reads every open task's candidates and assignee (the inbox repository's `openTaskHeads`). */
  openTaskHeads: () => Promise<OpenTaskHead[]>;
  events: TaskEventBus;
  /** How often to look while at least one browser listens. */
  intervalMs?: number;
  /**
   * Where the engine says a step committed (tasks may have been created or ended): the watcher then looks
   * at once instead of at its next poll (the embedded engine's `onStepCommitted`). Returns an unsubscribe.
   */
  nudges?: (poke: () => void) => () => void;
  onError?: (error: unknown) => void;
}

/** The shortest pause between two looks when the engine nudges: a burst of steps costs one read per pause. */
const MIN_GAP_MS = 25;

const audienceOf = (task: OpenTaskHead, formerAssignee?: string | null): TaskEvent['audience'] => ({
  groups: task.candidateGroups,
  users: [...new Set([...task.candidateUsers, task.assignee, formerAssignee].filter((u): u is string => !!u))],
});

/**
 * Tasks the engine creates or ends (after a job completes, a timer fires, a message arrives) have no
 * API call to announce them. While at least one browser listens, this compares the open tasks every
 * `intervalMs` with the previous look and publishes what changed (the first look, at start, only takes
 * the picture). The task service's own events update the picture first, so a claim or completion
 * through the API is not announced twice.
 */
export function watchOpenTasks(options: OpenTaskWatcherOptions): { close(): Promise<void> } {
  const { events, intervalMs = 500, onError = (error: unknown) => console.error('[api] open-task watcher', error) } = options;
  let known: Map<string, OpenTaskHead> | null = null;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> = Promise.resolve();
  let closed = false;
  /** Ended through the API, possibly still open in a look that began before: not to be announced again. */
  const ended = new Set<string>();

  const stopObserving = events.observe((event) => {
    if (event.type === 'task.completed' || event.type === 'task.ended') {
      ended.add(event.taskKey);
      known?.delete(event.taskKey);
      return;
    }
    const task = known?.get(event.taskKey);
    if (task) task.assignee = event.assignee;
  });

  const publish = (type: TaskEventType, task: OpenTaskHead, formerAssignee?: string | null) =>
    events.publish({ type, taskKey: task.key, assignee: task.assignee, audience: audienceOf(task, formerAssignee) });

  async function look() {
    // Nobody listens: no reads. The picture is kept, so the first look after an idle spell announces
    // everything that changed meanwhile, and a browser that connects then misses nothing.
    if (events.subscribers === 0 && known) return;
    const now = new Map((await options.openTaskHeads()).map((t) => [t.key, t]));
    for (const key of ended) if (!now.delete(key)) ended.delete(key);
    const before = known;
    known = now;
    if (!before) return;
    for (const [key, task] of now) {
      const old = before.get(key);
      if (!old) publish('task.created', task);
      else if (old.assignee !== task.assignee) publish(task.assignee ? 'task.claimed' : 'task.unclaimed', task, old.assignee);
    }
    for (const [key, task] of before) if (!now.has(key)) publish('task.ended', task);
  }

  // One look at a time; a nudge during a look asks for another right after it, at most every MIN_GAP_MS.
  let dueAt = Infinity;
  let looking = false;
  let again = false;
  let lastLookEnded = 0;
  const schedule = (delayMs: number) => {
    if (closed) return;
    if (looking) {
      again ||= delayMs < intervalMs;
      return;
    }
    const at = performance.now() + delayMs;
    if (timer && at >= dueAt) return;
    if (timer) clearTimeout(timer);
    dueAt = at;
    timer = setTimeout(tick, delayMs).unref();
  };
  const tick = () => {
    timer = null;
    dueAt = Infinity;
    looking = true;
    running = look()
      .catch(onError)
      .finally(() => {
        looking = false;
        lastLookEnded = performance.now();
        const soon = again;
        again = false;
        schedule(soon ? MIN_GAP_MS : intervalMs);
      });
  };
  const stopNudges = options.nudges?.(() => {
    if (events.subscribers > 0) schedule(Math.max(0, lastLookEnded + MIN_GAP_MS - performance.now()));
  });
  schedule(0);

  return {
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      stopObserving();
      stopNudges?.();
      await running;
    },
  };
}
