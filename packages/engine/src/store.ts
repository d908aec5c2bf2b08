import type { ActiveElement, Incident, InstanceFilter, InstanceState, StepTransaction, UserTask, UserTaskFilter, Variables } from './types';

/**
 * The persistence port of the embedded engine. packages/db implements it on Prisma; every method of
 * EngineStoreOps runs on the transaction it was handed, so one step's state and index rows commit together.
 */
export interface DefinitionRecord {
  key: string;
  bpmnProcessId: string;
  version: number;
  resourceName: string;
  checksum: string;
  tenantId: string;
  source: string;
}

/** A definition without its XML (tens of KB): what starting an instance or numbering a new version reads. */
export type DefinitionHeader = Omit<DefinitionRecord, 'source'>;

export interface InstanceRecord {
  key: string;
  definitionKey: string;
  bpmnProcessId: string;
  version: number;
  tenantId: string;
  businessKey: string | null;
  state: InstanceState;
  engineState: unknown;
  variables: Variables;
  activeElements: ActiveElement[];
  startedAt: Date;
  endedAt: Date | null;
  /** How many times the row was written since it was inserted (0): tells a hot in-memory copy from a stale one. */
  revision: number;
}

export interface JobWait {
  key: string;
  elementId: string;
  elementInstance: string;
  type: string;
  retries: number;
  /** Local variables from input mappings; merged over the instance variables at activation. */
  variables: Variables;
  customHeaders: Record<string, string>;
}

/** The lock a job is inserted with when a step hands it to an idle worker of its process (as an activation would take it). */
export interface JobLock {
  worker: string;
  owner: string;
  deadline: Date;
}

export type JobState = 'activatable' | 'activated' | 'failed' | 'completed' | 'error_thrown' | 'canceled';

export interface JobRecord extends JobWait {
  instanceKey: string;
  state: JobState;
  worker: string | null;
  /** The engine node (process) whose worker holds the lock while the job is activated; null when unknown. */
  lockOwner: string | null;
  deadline: Date | null;
  dueAt: Date;
  errorMessage: string | null;
}

export interface ActivatableJob extends JobRecord {
  bpmnProcessId: string;
  businessKey: string | null;
  tenantId: string;
  instanceVariables: Variables;
}

export interface UserTaskWait {
  key: string;
  elementId: string;
  elementInstance: string;
  name: string | null;
  assignee: string | null;
  candidateGroups: string[];
  candidateUsers: string[];
  dueDate: Date | null;
  followUpDate: Date | null;
  formKey: string | null;
  customHeaders: Record<string, string>;
  variables: Variables;
}

export interface TimerWait {
  key: string;
  elementId: string;
  elementInstance: string;
  dueAt: Date;
}

export interface SubscriptionWait {
  key: string;
  elementId: string;
  elementInstance: string;
  messageName: string;
  correlationKey: string;
}

export interface SubscriptionRecord extends SubscriptionWait {
  instanceKey: string;
  tenantId: string;
}

/** Everything an instance waits for after a settled step. */
export interface WaitSnapshot {
  jobs: JobWait[];
  userTasks: UserTaskWait[];
  timers: TimerWait[];
  subscriptions: SubscriptionWait[];
}

export type WaitKind = keyof WaitSnapshot;
export const WAIT_KINDS: readonly WaitKind[] = ['jobs', 'userTasks', 'timers', 'subscriptions'];
/** The element instances whose wait rows the last committed state left, with the kind of each. */
export type StoredWaits = ReadonlyMap<string, WaitKind>;
/** What a committed snapshot leaves as stored waits: each wait's element instance with its kind. */
export const storedWaitsOf = (waits: WaitSnapshot): StoredWaits =>
  new Map(WAIT_KINDS.flatMap((kind) => waits[kind].map((wait): [string, WaitKind] => [wait.elementInstance, kind])));

export interface MessageRecord {
  key: string;
  name: string;
  correlationKey: string;
  tenantId: string;
  messageId: string | null;
  variables: Variables;
  expiresAt: Date;
}

/** A process running the embedded engine on the database, with its last heartbeat (docs/adr/0013). */
export interface EngineNodeRecord {
  id: string;
  name: string;
  startedAt: Date;
  heartbeatAt: Date;
}

export interface SweepQuery {
  self: string;
  staleBefore: Date;
  dead: string[];
  locksExpiredBefore: Date;
  now: Date;
  timerBatch: number;
}

export interface SweepResult {
  nodes: EngineNodeRecord[];
  jobsReleased: number;
  messagesExpired: number;
  dueTimerInstances: string[];
  activatableJobTypes: string[];
}

/**
 * The operating-system process behind a node. Within one process scope (one boot of one host, one PID
 * namespace) a pid names one process, so a node of this scope whose pid is gone is dead, whatever its
 * heartbeat says (docs/adr/0013). Null where the scope cannot be known (not Linux).
 */
export interface NodeProcess {
  pid?: number | null;
  processScope?: string | null;
}

export interface IncidentRecord {
  key: string;
  instanceKey: string;
  elementId: string;
  elementInstance: string;
  jobKey: string | null;
  errorType: Incident['errorType'];
  errorMessage: string;
}

/**
 * What a step answers, closed in the statement that locks the instance (after the lock): a job still in one of
 * `states` (its lock deadline cleared), or a user task still open.
 */
export type StepClaim =
  | { job: string; states: readonly string[]; patch: { state: JobState; errorMessage?: string } }
  | { userTask: string; completedAt: Date };

/**
 * What a step written without locking the row first (on the runtime this process kept) expects: the row still at
 * `revision`, and its claim still open. The write closes the claim; if either fails it throws StepConflict.
 */
export interface StepExpectation {
  revision: number;
  claim?: StepClaim;
}

/** What a step's write did: the instance's new revision, the jobs it wrote, and which of them it inserted locked. */
export interface SavedStep {
  revision: number;
  jobs: JobWait[];
  locked: string[];
}

/** A locked instance; `claimed`: the step's claim (if any) was still open and is now closed. */
export type LockedInstance = InstanceRecord & { claimed: boolean };

/** An element id a migration changes, for the rows of one element instance (a wait's, an incident's). */
export interface ElementIdChange {
  elementInstance: string;
  elementId: string;
}

export interface EngineStoreOps {
  /** The transaction (or connection) these operations run on, for callers' writes that commit with a step (StepWrites). */
  readonly handle: StepTransaction;
  insertDefinition(definition: DefinitionRecord): Promise<void>;
  /** Latest version when `version` is omitted. */
  findDefinition(query: { tenantId: string; bpmnProcessId: string; version?: number }): Promise<DefinitionHeader | null>;
  findDefinitionByChecksum(query: { tenantId: string; bpmnProcessId: string; checksum: string }): Promise<DefinitionRecord | null>;
  /** Every definition deployed from a resource with this checksum (all its processes), oldest version first. */
  findDefinitionsByChecksum(query: { tenantId: string; checksum: string }): Promise<DefinitionRecord[]>;
  getDefinition(key: string): Promise<DefinitionRecord | null>;
  /** Every version of a process in a tenant, newest first. */
  listDefinitions(query: { tenantId: string; bpmnProcessId: string }): Promise<DefinitionRecord[]>;
  /**
   * A migration's write (docs/adr/0051), on the locked instance: its definition, state and active elements (the revision
   * moves on), and the element ids of its open jobs, user tasks and incidents (`elements`), timers and subscriptions,
   * each by element instance. Keys, states, locks and due times stay.
   */
  migrateInstance(instance: InstanceRecord, changes: { elements: ElementIdChange[]; timers: ElementIdChange[]; subscriptions: ElementIdChange[] }): Promise<{ revision: number }>;

  /**
   * Reads an instance and locks its row until the transaction ends. When the row is at revision
   * `stateUnlessRevision`, whose state the caller holds in memory, its saved engine state is not read
   * (`engineState` is null): a few kilobytes less per step.
   */
  lockInstance(key: string, stateUnlessRevision?: number, claim?: StepClaim): Promise<LockedInstance | null>;
  getInstance(key: string): Promise<InstanceRecord | null>;
  findInstances(filter: InstanceFilter): Promise<InstanceRecord[]>;
  insertInstance(instance: InstanceRecord): Promise<void>;
  /**
   * A step's whole write, in one statement: the instance's state, variables and active elements (its revision
   * moved on), and its open waits made exactly `waits`: new rows inserted, vanished ones canceled or deleted.
   * `stored`: element instances whose waits the last committed state had (their rows exist), with their kind, so that
   * only what changed is written; without it every wait is written and every kind's rows are checked for ended waits. Returns the new revision and the jobs it wrote.
   * `lock`: asked for each job it writes; a job it answers is inserted already activated under that lock (handed to an
   * idle worker of this process, docs/adr/0058); `locked` says which of them were inserted so (not already there).
   * `expected`: the step did not lock the row; the write locks it, checks the revision and closes the claim (docs/adr/0074).
   */
  saveStep(
    instance: InstanceRecord,
    waits: WaitSnapshot,
    now: Date,
    stored?: StoredWaits,
    lock?: (job: JobWait) => JobLock | null,
    expected?: StepExpectation,
  ): Promise<SavedStep>;

  getJob(key: string): Promise<JobRecord | null>;
  updateJob(key: string, patch: Partial<Pick<JobRecord, 'state' | 'retries' | 'dueAt' | 'errorMessage' | 'worker' | 'lockOwner' | 'deadline'>>): Promise<void>;
  /** Locks up to `maxJobs` activatable jobs of `type` for `worker` until `deadline`, recording the node `owner` that holds them. */
  activateJobs(query: { type: string; maxJobs: number; worker: string; owner: string | null; now: Date; deadline: Date }): Promise<ActivatableJob[]>;

  /** Records the node's heartbeat: inserts its row (again, if a live node declared it dead) or moves `heartbeatAt` to `now`. */
  beatNode(node: { id: string; name: string; now: Date } & NodeProcess): Promise<void>;
  /**
   * A scheduler pass's look at the database, in one statement: removes every node other than `self`
   * whose last heartbeat is before `staleBefore` or whose id is in `dead`; makes activatable again the
   * jobs those nodes held and the jobs whose lock deadline is before `locksExpiredBefore`; deletes the
   * buffered messages expired at `now`. Returns what it removed and released, up to `timerBatch`
   * instances with a timer due at `now` (none waiting on an incident of their own), and the types of the
   * jobs a worker could activate now (from any process on the database).
   */
  sweep(query: SweepQuery): Promise<SweepResult>;
  /** The nodes recorded with this process scope (see NodeProcess), with their pids. */
  nodesInScope(processScope: string): Promise<{ id: string; pid: number }[]>;
  /** A node leaving cleanly: the jobs it still holds become activatable at once and its row goes; returns how many jobs. */
  removeNode(id: string, now: Date): Promise<number>;
  listNodes(): Promise<EngineNodeRecord[]>;

  getUserTask(key: string): Promise<UserTask | null>;
  searchUserTasks(filter: UserTaskFilter): Promise<UserTask[]>;
  updateUserTask(key: string, patch: { state?: 'completed'; assignee?: string | null; completedAt?: Date }): Promise<void>;

  findSubscriptions(query: { tenantId: string; messageName: string; correlationKey: string }): Promise<SubscriptionRecord[]>;

  insertMessage(message: MessageRecord): Promise<void>;
  findBufferedMessageById(tenantId: string, messageId: string, now: Date): Promise<MessageRecord | null>;
  /** Removes and returns the oldest live buffered message of the first subscription (in their order) that has one, with its index. */
  takeBufferedMessageFor(query: { tenantId: string; subscriptions: { messageName: string; correlationKey: string }[]; now: Date }): Promise<{ index: number; message: MessageRecord } | null>;

  insertIncident(incident: IncidentRecord): Promise<void>;
  getIncident(key: string): Promise<Incident | null>;
  listIncidents(filter: { instanceKey?: string; state?: 'active' | 'resolved' }): Promise<Incident[]>;
  resolveIncident(key: string, now: Date): Promise<void>;
}

export interface EngineStore extends EngineStoreOps {
  transaction<T>(fn: (tx: EngineStoreOps) => Promise<T>): Promise<T>;
}
