import type pg from 'pg';
import { currentLane, type Lane } from './pglite-priority';

/**
 * PostgreSQL serves the pool's connections in parallel, so there is no line to reorder as on PGlite (ADR 0065): the
 * server's backends and this process share the machine's cores, and the embedded workers' background steps take CPU
 * from the requests a person waits on. Here a connection for background work (anything unmarked: the workers, the
 * scheduler, maintenance) is given only while fewer than `backgroundWhileBusy` background connections are out, as long as
 * a request's connection (interactive or write lane) is out or waiting; with no request in the pool, background work
 * may use every connection. A background waiter passed over for `maxBackgroundWaitMs` is let in regardless, so the
 * flow keeps moving under constant requests (docs/adr/0071).
 */
export class PoolLanes {
  private foreground = 0;
  private background = 0;
  private readonly waiting: Array<{ admit: () => void; since: number }> = [];
  private timer: NodeJS.Timeout | undefined;

  constructor(
    public readonly backgroundWhileBusy = 1,
    public readonly maxBackgroundWaitMs = 1000,
  ) {}

  /** Connections out (and waiting, for requests) by kind (tests and diagnostics). */
  counts(): { foreground: number; background: number; backgroundWaiting: number } {
    return { foreground: this.foreground, background: this.background, backgroundWaiting: this.waiting.length };
  }

  async enter(lane: Lane): Promise<() => void> {
    if (lane !== 'background') {
      this.foreground++;
      return once(() => {
        this.foreground--;
        this.admitWaiting();
      });
    }
    if (this.waiting.length > 0 || !this.mayAdmit()) await new Promise<void>((admit) => this.queue(admit));
    else this.background++;
    return once(() => {
      this.background--;
      this.admitWaiting();
    });
  }

  private mayAdmit(): boolean {
    return this.foreground === 0 || this.background < this.backgroundWhileBusy;
  }

  private queue(admit: () => void): void {
    this.waiting.push({ admit, since: performance.now() });
    this.schedule();
  }

  private admitWaiting(): void {
    const overdueBefore = performance.now() - this.maxBackgroundWaitMs;
    while (this.waiting.length > 0 && (this.mayAdmit() || this.waiting[0]!.since <= overdueBefore)) {
      this.background++;
      this.waiting.shift()!.admit();
    }
    this.schedule();
  }

  /** Wakes the line when its head would be overdue, in case no connection is returned before. */
  private schedule(): void {
    if (this.timer || this.waiting.length === 0) return;
    const due = this.waiting[0]!.since + this.maxBackgroundWaitMs - performance.now();
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.admitWaiting();
    }, Math.max(0, due) + 1);
    this.timer.unref();
  }
}

function once(fn: () => void): () => void {
  let done = false;
  return () => {
    if (done) return;
    done = true;
    fn();
  };
}

type Connect = (callback?: (error: Error | undefined, client?: pg.PoolClient, done?: (release?: Error | boolean) => void) => void) => unknown;

/** Puts every checkout of `pool` (its `connect`, which `pool.query` calls too) through `lanes`. */
export function prioritisePool(pool: pg.Pool, lanes = new PoolLanes()): PoolLanes {
  const connect = pool.connect.bind(pool) as () => Promise<pg.PoolClient>;
  const checkout = async (): Promise<pg.PoolClient> => {
    const leave = await lanes.enter(currentLane());
    let client: pg.PoolClient;
    try {
      client = await connect();
    } catch (error) {
      leave();
      throw error;
    }
    const release = client.release.bind(client);
    client.release = (error?: Error | boolean) => {
      leave();
      return release(error);
    };
    return client;
  };
  (pool as { connect: Connect }).connect = (callback) => {
    const checkedOut = checkout();
    if (!callback) return checkedOut;
    checkedOut.then(
      (client) => callback(undefined, client, client.release),
      (error: Error) => callback(error),
    );
    return undefined;
  };
  return lanes;
}
