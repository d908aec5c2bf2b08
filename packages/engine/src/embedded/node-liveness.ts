import { randomUUID } from 'node:crypto';
import { readFileSync, readlinkSync } from 'node:fs';
import { hostname } from 'node:os';
import { repeatEvery, type RepeatingPass } from '../repeat-every';
import type { NodeProcess } from '../store';
import type { StepRunner } from './step-runner';

export interface NodeOptions {
  /** The node's name in engine_node (default `<host>-<pid>`); the worker process passes WORKER_NAME. */
  name?: string;
  /** How often the node writes its heartbeat, in ms (default 1 000; every node's interval must stay well below every node's timeout). */
  heartbeatIntervalMs?: number;
  /**
   * A node whose last heartbeat is older than this is dead, and any live node releases the job locks it
   * held (default 5 000 ms). Must exceed the longest stall of a live process (event loop, database pool)
   * plus the clock skew between hosts: a live node declared dead only has its jobs run twice.
   */
  timeoutMs?: number;
  /** The process scope recorded with this node (default: currentProcessScope()); null turns the gone-process check off. */
  processScope?: string | null;
}

export const DEFAULT_HEARTBEAT_INTERVAL_MS = 1_000;

/**
 * One boot of one host and one PID namespace (Linux: the kernel's boot id and /proc/self/ns/pid): within it
 * a pid that does not exist belongs to no live process. The boot id keeps two hosts with one hostname, or a
 * host before and after a reboot, apart; the namespace keeps containers apart. Null elsewhere.
 */
export function currentProcessScope(): string | null {
  try {
    const bootId = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
    return `${bootId}/${readlinkSync('/proc/self/ns/pid')}`;
  } catch {
    return null;
  }
}

/** Whether a process with this pid exists in this PID namespace (EPERM: it exists, owned by another user). */
function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
export const DEFAULT_NODE_TIMEOUT_MS = 5_000;

/**
 * This process as a node of the engine on a shared database (docs/adr/0013): a row in engine_node with a
 * heartbeat, the owner recorded on every job lock its workers take, and the check that releases the locks
 * of nodes whose heartbeat went stale (a process killed with SIGKILL, a host that vanished). A live node
 * keeps its locks however slow its handlers are; they still expire at their deadline (the job timeout).
 */
export class NodeLiveness {
  readonly id = randomUUID();
  readonly name: string;
  readonly heartbeatIntervalMs: number;
  readonly timeoutMs: number;
  private heartbeats: RepeatingPass | null = null;
  /** Settles once the node's row exists (start()); until then locks name no owner. */
  private joined: Promise<boolean> | null = null;
  /** Whether deadNodes() still has to look for nodes of this process scope whose process is gone (once, on the first pass). */
  private lookForGoneProcesses = true;
  /** Whether the node's row has been written (and stop() not called since). */
  private hasJoined = false;
  private readonly process: NodeProcess;

  constructor(
    private readonly runner: StepRunner,
    options: NodeOptions = {},
  ) {
    this.name = options.name ?? `${hostname()}-${process.pid}`;
    this.heartbeatIntervalMs = options.heartbeatIntervalMs ?? DEFAULT_HEARTBEAT_INTERVAL_MS;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_NODE_TIMEOUT_MS;
    this.process = { pid: process.pid, processScope: options.processScope === undefined ? currentProcessScope() : options.processScope };
  }

  /** Joins: writes the first heartbeat now, then one every interval until stop(). */
  start(): void {
    if (this.joined) return;
    this.joined = this.beat().then(
      () => (this.hasJoined = true),
      (error: unknown) => (this.runner.onError(error), true), // the next beat inserts the row
    );
    this.heartbeats = repeatEvery(() => this.beat(), this.heartbeatIntervalMs, this.runner.onError);
  }

  /** This node's id once its row exists (what `owner()` settles to), else null: a step hands jobs over only then. */
  get ownerNow(): string | null {
    return this.hasJoined ? this.id : null;
  }

  /** The owner to record on a job lock: this node once it has joined, none for an engine that was never started. */
  async owner(): Promise<string | null> {
    return this.joined && (await this.joined) ? this.id : null;
  }

  /** Writes the heartbeat (inserting the row again if another node took this one for dead). */
  beat(): Promise<void> {
    return this.runner.store.beatNode({ id: this.id, name: this.name, now: new Date(this.runner.clock()), ...this.process });
  }

  /**
   * Which nodes are dead (for the scheduler's sweep): those whose heartbeat is older than the timeout; on
   * the first call also the nodes of this process scope whose process is gone, however fresh their
   * heartbeat: a process restarted after a kill -9 takes its predecessor's jobs back at once instead of
   * after the timeout.
   */
  async deadNodes(now: number): Promise<{ self: string; staleBefore: Date; dead: string[] }> {
    const dead = this.lookForGoneProcesses ? await this.nodesWithGoneProcess() : [];
    this.lookForGoneProcesses = false;
    return { self: this.id, staleBefore: new Date(now - this.timeoutMs), dead };
  }

  private async nodesWithGoneProcess(): Promise<string[]> {
    const scope = this.process.processScope;
    if (!scope) return [];
    const nodes = await this.runner.store.nodesInScope(scope);
    return nodes.filter((n) => n.id !== this.id && !processExists(n.pid)).map((n) => n.id);
  }

  /** Leaves: no more heartbeats; the locks this node still holds are released now instead of at their deadline. */
  async stop(): Promise<void> {
    const heartbeats = this.heartbeats;
    this.heartbeats = null;
    this.hasJoined = false;
    await heartbeats?.stop();
    if (!this.joined) return;
    await this.joined;
    this.joined = null;
    try {
      const released = await this.runner.store.removeNode(this.id, new Date(this.runner.clock()));
      if (released > 0) this.runner.announce(['*']);
    } catch (error) {
      this.runner.onError(error);
    }
  }
}
