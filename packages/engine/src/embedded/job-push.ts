import type { InstanceRecord, JobLock, JobWait } from '../store';
import type { ActivatedJob } from '../types';

/** A worker of this process waiting for jobs of its type: a step may hand it the jobs it creates. */
export interface IdleWorker {
  readonly type: string;
  readonly name: string;
  readonly timeoutMs: number;
  /** How many jobs it takes at once (its maxJobsToActivate). */
  readonly capacity: number;
  /** Takes jobs a committed step locked for it; false if it closed meanwhile (the jobs are then released). */
  deliver(jobs: ActivatedJob[]): boolean;
}

/**
 * Job push (docs/adr/0058): the jobs a step creates go to an idle worker of this process in the same transaction
 * (inserted activated, locked by this node until the job's timeout, as an activation locks them), so no activation
 * statement runs and the worker wakes with its jobs at the commit. The rows are what they would be after an
 * activation: a process killed before the worker answers leaves them to the dead-node release (ADR 0013).
 */
export class JobPush {
  private readonly idle = new Map<string, Set<IdleWorker>>();
  /** Jobs reserved in open steps, per worker: a worker takes at most its capacity. */
  private readonly reserved = new Map<IdleWorker, number>();

  constructor(
    /** This node's id once it has joined; none before (an engine never started pushes nothing). */
    private readonly owner: () => string | null,
    /** Makes jobs activatable again whose worker closed before they reached it. */
    private readonly release: (keys: string[]) => void,
    /** Told of the jobs that reached their worker (their answer needs no read of the job, as after an activation). */
    readonly handed: (jobs: ActivatedJob[]) => void,
  ) {}

  /** While the worker waits it may be handed jobs; the returned function ends that. */
  waiting(worker: IdleWorker): () => void {
    let set = this.idle.get(worker.type);
    if (!set) this.idle.set(worker.type, (set = new Set()));
    set.add(worker);
    return () => set.delete(worker);
  }

  /** The hand-over of one step: which of its new jobs go to which idle worker. */
  begin(now: Date): StepPush {
    return new StepPush(this, now);
  }

  /** An idle worker of `type` that can take one more job, reserved for it. */
  take(type: string): IdleWorker | null {
    for (const worker of this.idle.get(type) ?? []) {
      const reserved = this.reserved.get(worker) ?? 0;
      if (reserved >= worker.capacity) continue;
      this.reserved.set(worker, reserved + 1);
      return worker;
    }
    return null;
  }

  untake(worker: IdleWorker, count: number): void {
    const left = (this.reserved.get(worker) ?? 0) - count;
    if (left > 0) this.reserved.set(worker, left);
    else this.reserved.delete(worker);
  }

  get nodeId(): string | null {
    return this.owner();
  }

  released(keys: string[]): void {
    if (keys.length > 0) this.release(keys);
  }
}

export class StepPush {
  private readonly given = new Map<string, { worker: IdleWorker; job: JobWait; deadline: Date }>();

  constructor(
    private readonly push: JobPush,
    private readonly now: Date,
  ) {}

  /** The lock to insert a new job with, if an idle worker of its type takes it (saveStep's `lock`). */
  readonly lock = (job: JobWait): JobLock | null => {
    const owner = this.push.nodeId;
    if (!owner || this.given.has(job.key)) return null;
    const worker = this.push.take(job.type);
    if (!worker) return null;
    const deadline = new Date(this.now.getTime() + worker.timeoutMs);
    this.given.set(job.key, { worker, job, deadline });
    return { worker: worker.name, owner, deadline };
  };

  /** Jobs handed over, to deliver once the step has committed; those the step did not insert locked are left out. */
  delivery(record: InstanceRecord, locked: string[]): Delivery {
    const inserted = new Set(locked);
    const byWorker = new Map<IdleWorker, ActivatedJob[]>();
    for (const [key, { worker, job, deadline }] of this.given) {
      if (!inserted.has(key)) continue;
      const jobs = byWorker.get(worker) ?? [];
      jobs.push({
        key,
        type: job.type,
        instanceKey: record.key,
        bpmnProcessId: record.bpmnProcessId,
        elementId: job.elementId,
        elementInstanceKey: job.elementInstance,
        businessKey: record.businessKey,
        tenantId: record.tenantId,
        retries: job.retries,
        deadline: deadline.toISOString(),
        worker: worker.name,
        customHeaders: { ...job.customHeaders },
        // A copy, as an activation reads them from the row: the handler must not share objects with the kept runtime.
        variables: structuredClone({ ...record.variables, ...job.variables }),
      });
      byWorker.set(worker, jobs);
    }
    return new Delivery(byWorker);
  }

  /** Frees the reservations (after the commit's delivery, or when the step rolled back). */
  end(): void {
    const counts = new Map<IdleWorker, number>();
    for (const { worker } of this.given.values()) counts.set(worker, (counts.get(worker) ?? 0) + 1);
    for (const [worker, count] of counts) this.push.untake(worker, count);
    this.given.clear();
  }

  /** The types of the jobs handed over: their workers need no announcement. */
  get types(): Set<string> {
    return new Set([...this.given.values()].map(({ job }) => job.type));
  }

  get jobPush(): JobPush {
    return this.push;
  }
}

/** Hands the committed step's jobs to their workers. */
export class Delivery {
  constructor(private readonly byWorker: Map<IdleWorker, ActivatedJob[]>) {}

  send(push: JobPush): void {
    const orphaned: string[] = [];
    for (const [worker, jobs] of this.byWorker) {
      push.handed(jobs);
      if (!worker.deliver(jobs)) orphaned.push(...jobs.map((j) => j.key));
    }
    push.released(orphaned);
  }
}
