import type { TaskChange, TaskChangeFeed } from '@kuaibao/db';
import type { TaskEvent, TaskEventBus } from './task-event-bus';

export interface OpenTaskWatcherOptions {
  /** The user tasks created, claimed, released or ended since a cursor (the inbox repository's `taskChanges`). */
  taskChanges: TaskChangeFeed;
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
/** How long a change the task service announced waits to be recognised in the feed (then it is forgotten). */
const ANNOUNCED_TTL_MS = 60_000;

/** What the task service announced of a task: ended, or its assignee after a claim or release. */
type Announced = { at: number } & ({ ended: true } | { ended: false; assignee: string | null });

/** The event a change means, if any: a task created and ended between two looks never concerned anyone. */
function eventOf(change: TaskChange): TaskEvent | null {
  const audience = (formerAssignee: string | null) => ({
    groups: change.candidateGroups,
    users: [...new Set([...change.candidateUsers, change.assignee, formerAssignee].filter((u): u is string => !!u))],
  });
  const event = (type: TaskEvent['type'], formerAssignee: string | null = null): TaskEvent => ({ type, taskKey: change.key, assignee: change.assignee, audience: audience(formerAssignee) });
  if (change.created) return change.open ? event('task.created') : null;
  if (!change.open) return event('task.ended');
  return event(change.assignee ? 'task.claimed' : 'task.unclaimed', change.formerAssignee);
}

const sameAs = (change: TaskChange, announced: Announced | undefined) =>
  !!announced && !change.created && (announced.ended ? !change.open : change.open && announced.assignee === change.assignee);

/**
 * Tasks the engine creates or ends (after a job completes, a timer fires, a message arrives) have no
 * API call to announce them. While at least one browser listens, this reads the task changes since its
 * last look every `intervalMs` (at once when the engine nudges) and publishes them; the first look, at
 * start, only takes the feed's cursor. What the task service announced itself (a claim, a completion
 * through the API) is recognised in the feed and not announced twice.
 */
export function watchOpenTasks(options: OpenTaskWatcherOptions): { close(): Promise<void> } {
  const { events, intervalMs = 500, onError = (error: unknown) => console.error('[api] open-task watcher', error) } = options;
  let cursor: string | null = null;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> = Promise.resolve();
  let closed = false;
  const announced = new Map<string, Announced>();
  let publishing = false;

  const stopObserving = events.observe((event) => {
    if (publishing) return;
    const at = performance.now();
    if (event.type === 'task.completed' || event.type === 'task.ended') announced.set(event.taskKey, { at, ended: true });
    else if (event.type === 'task.claimed' || event.type === 'task.unclaimed') announced.set(event.taskKey, { at, ended: false, assignee: event.assignee });
  });

  async function look() {
    // Nobody listens: no reads. The cursor stays, so the first look after an idle spell announces
    // everything that changed meanwhile, and a browser that connects then misses nothing.
    if (events.subscribers === 0 && cursor !== null) return;
    const first = cursor === null;
    const feed = await options.taskChanges(cursor);
    cursor = feed.cursor;
    const forgetBefore = performance.now() - ANNOUNCED_TTL_MS;
    for (const [key, { at }] of announced) if (at < forgetBefore) announced.delete(key);
    if (first) return;
    for (const change of feed.changes) {
      const byService = announced.get(change.key);
      announced.delete(change.key);
      const event = sameAs(change, byService) ? null : eventOf(change);
      if (!event) continue;
      publishing = true;
      try {
        events.publish(event);
      } finally {
        publishing = false;
      }
    }
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
