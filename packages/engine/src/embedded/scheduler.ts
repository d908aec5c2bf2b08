import { EngineError } from '../errors';
import { repeatEvery, type RepeatingPass } from '../repeat-every';
import type { NodeLiveness } from './node-liveness';
import type { StepRunner } from './step-runner';

export interface DueWork {
  /** Jobs activatable again: their lock expired, or the node holding it is dead. */
  jobsReleased: number;
  /** Nodes found dead (heartbeat older than the node timeout, or their process gone) and removed. */
  deadNodes: number;
  timerInstances: number;
  messagesExpired: number;
}

/** How many instances with due timers one pass advances. */
const TIMER_BATCH = 200;

/**
 * The loop that releases expired job locks and those of dead nodes, fires due timers, drops expired
 * messages, and wakes the workers of every job type that has activatable jobs (so idle workers need
 * not poll the database).
 */
export class Scheduler {
  private loop: RepeatingPass | null = null;

  constructor(
    private readonly runner: StepRunner,
    private readonly liveness: NodeLiveness,
    private readonly intervalMs: number,
  ) {}

  /** Whether the loop runs (start() called, stop() not yet). */
  get started(): boolean {
    return this.loop !== null;
  }

  start(): void {
    this.loop ??= repeatEvery(() => this.processDue(), this.intervalMs, this.runner.onError, 0);
  }

  async stop(): Promise<void> {
    const loop = this.loop;
    this.loop = null;
    await loop?.stop();
  }

  /**
   * One pass: one statement (the sweep) releases expired job locks and the locks of dead nodes, drops
   * expired messages and finds the due timers and the activatable job types; then the due timers fire.
   */
  async processDue(): Promise<DueWork> {
    const { store, clock } = this.runner;
    const now = clock();
    const swept = await store.sweep({ ...(await this.liveness.deadNodes(now)), locksExpiredBefore: new Date(now), now: new Date(now), timerBatch: TIMER_BATCH });
    if (swept.nodes.length > 0) {
      const names = swept.nodes.map((n) => `${n.name} (last heartbeat ${n.heartbeatAt.toISOString()})`).join(', ');
      console.warn(`[engine] node(s) found dead: ${names}; ${swept.jobsReleased} job lock(s) released (theirs and any expired)`);
    }
    // Jobs this process was not told of (another process's, a retry after its backoff, a lock released above): their workers wake.
    for (const type of swept.activatableJobTypes) this.runner.events.emit('jobs', type);
    for (const instanceKey of swept.dueTimerInstances) {
      // An empty action: recovering the instance lets its due timers fire, persist records what follows.
      await this.runner.step(instanceKey, null, async () => undefined).catch((error: unknown) => {
        if (!(error instanceof EngineError) || error.code === 'STEP_FAILED') this.runner.onError(error);
      });
    }
    return { jobsReleased: swept.jobsReleased, deadNodes: swept.nodes.length, timerInstances: swept.dueTimerInstances.length, messagesExpired: swept.messagesExpired };
  }
}
