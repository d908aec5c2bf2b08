/** Process variables: a JSON object. */
export type Variables = Record<string, unknown>;

export interface DeployResource {
  /** File name, e.g. `incident-report.bpmn`. */
  name: string;
  content: string;
}

export interface DeployedProcess {
  key: string;
  bpmnProcessId: string;
  version: number;
  resourceName: string;
  tenantId: string;
}

export interface StartInstanceInput {
  bpmnProcessId: string;
  /** Latest version when omitted. */
  version?: number;
  tenantId?: string;
  /** The incident number: one business key per instance, searchable. */
  businessKey?: string;
  variables?: Variables;
}

export interface InstanceRef {
  key: string;
  definitionKey: string;
  bpmnProcessId: string;
  version: number;
  tenantId: string;
  businessKey: string | null;
}

export type InstanceState = 'active' | 'completed' | 'canceled';

export interface ActiveElement {
  elementId: string;
  elementType: string;
  elementInstanceKey: string;
  since: string;
}

export interface Incident {
  key: string;
  instanceKey: string;
  elementId: string;
  elementInstanceKey: string;
  jobKey: string | null;
  errorType: 'JOB_NO_RETRIES' | 'UNHANDLED_ERROR_EVENT' | 'EXECUTION_ERROR';
  errorMessage: string;
  state: 'active' | 'resolved';
  createdAt: string;
}

export interface InstanceStatus extends InstanceRef {
  state: InstanceState;
  variables: Variables;
  activeElements: ActiveElement[];
  incidents: Incident[];
  startedAt: string;
  endedAt: string | null;
}

export interface ActivatedJob {
  key: string;
  type: string;
  instanceKey: string;
  bpmnProcessId: string;
  elementId: string;
  elementInstanceKey: string;
  businessKey: string | null;
  tenantId: string;
  retries: number;
  /** Lock expiry: after it the job may be activated again (at-least-once delivery). */
  deadline: string;
  worker: string;
  customHeaders: Record<string, string>;
  variables: Variables;
}

export interface ActivateJobsInput {
  type: string;
  maxJobs: number;
  timeoutMs: number;
  worker: string;
}

export interface FailJobInput {
  jobKey: string;
  retries: number;
  errorMessage: string;
  retryBackoffMs?: number;
}

export interface ThrowErrorInput {
  jobKey: string;
  errorCode: string;
  errorMessage?: string;
  variables?: Variables;
}

declare const stepTransaction: unique symbol;
/**
 * The transaction an engine step runs in, as the database package knows it (its transaction client).
 * Opaque here: only the package that made the store can turn it back into something that writes.
 */
export type StepTransaction = { readonly [stepTransaction]: true };

/** An engine command that business writes go with: what a reconciliation sends again after a crash. */
export interface StepCommand {
  kind: 'completeUserTask' | 'completeJob' | 'cancelInstance';
  key: string;
  variables: Variables;
}

/**
 * A caller's business writes (report corrections, deliveries, the audit entry) that must commit with an
 * engine step: no completion without its writes, no writes without their completion.
 * - `within`: the embedded engine runs them inside the step's own transaction; if they throw, the step
 *   rolls back (the task or job stays open) and the error reaches the caller.
 * - `before` / `after`: an engine that cannot share a transaction (Zeebe) commits them first, together with
 *   a record of the command, sends the command, then drops the record; a process killed in between leaves the
 *   record, and reconciliation at start sends the command again. So they must be idempotent (dedupe keys).
 */
export interface StepWrites {
  within(tx: StepTransaction): Promise<void>;
  before(command: StepCommand): Promise<void>;
  after(command: StepCommand): Promise<void>;
}

/** Options of a completion (or a cancel): the business writes that commit with it. */
export interface CompleteOptions {
  writes?: StepWrites;
}

/** What a job handler answers for every job: complete, a BPMN error the diagram models, or a technical failure. */
export type JobOutcome =
  | { complete: true; variables?: Variables; writes?: StepWrites }
  | { bpmnError: true; code: string; message?: string; variables?: Variables }
  | { fail: true; message: string; retries?: number; retryBackoffMs?: number };

/** Completes the job; `writes` commit with the completion (see StepWrites). */
export const complete = (variables?: Variables, writes?: StepWrites): JobOutcome => ({
  complete: true,
  ...(variables && { variables }),
  ...(writes && { writes }),
});
export const bpmnError = (code: string, message?: string, variables?: Variables): JobOutcome => ({
  bpmnError: true,
  code,
  ...(message !== undefined && { message }),
  ...(variables && { variables }),
});
export const fail = (message: string, options: { retries?: number; retryBackoffMs?: number } = {}): JobOutcome => ({
  fail: true,
  message,
  ...options,
});

export type JobHandler = (job: ActivatedJob) => Promise<JobOutcome>;

export interface WorkerOptions {
  taskType: string;
  handler: JobHandler;
  /** Worker name written on the jobs it activates. */
  name?: string;
  maxJobsToActivate?: number;
  timeoutMs?: number;
  pollIntervalMs?: number;
  /** First retry backoff after an unexpected exception; doubled per failed attempt. */
  retryBackoffMs?: number;
}

export interface JobWorker {
  close(): Promise<void>;
}

export type UserTaskState = 'created' | 'completed' | 'canceled';

export interface UserTask {
  key: string;
  instanceKey: string;
  bpmnProcessId: string;
  businessKey: string | null;
  tenantId: string;
  elementId: string;
  elementInstanceKey: string;
  name: string | null;
  state: UserTaskState;
  assignee: string | null;
  candidateGroups: string[];
  candidateUsers: string[];
  dueDate: string | null;
  followUpDate: string | null;
  formKey: string | null;
  customHeaders: Record<string, string>;
  variables: Variables;
  createdAt: string;
  completedAt: string | null;
}

export interface UserTaskFilter {
  state?: UserTaskState;
  instanceKey?: string;
  /** Tasks where any of these groups is a candidate, or the user is a candidate or the assignee. */
  candidateGroups?: string[];
  candidateUser?: string;
  limit?: number;
}

export interface PublishMessageInput {
  name: string;
  correlationKey: string;
  variables?: Variables;
  /** How long an uncorrelated message waits for a subscription. 0 = not buffered. */
  timeToLiveMs?: number;
  /** A message with the same id is published only once while buffered. */
  messageId?: string;
  tenantId?: string;
}

export interface InstanceFilter {
  businessKey?: string;
  bpmnProcessId?: string;
  state?: InstanceState;
  limit?: number;
}

/** Process instance modification (Zeebe's): end these element instances, then start these elements (docs/adr/0051). */
export interface ModifyInstanceInput {
  /** Element instance keys to terminate (with everything inside them). */
  terminate: string[];
  /** Elements to activate, each in the one active instance of its flow scope (the process, or its sub-process). */
  activate: { elementId: string; variables?: Variables }[];
}

/** Process instance migration (Zeebe's): the target definition and, for every active element, where it goes. */
export interface MigrationPlan {
  targetDefinitionKey: string;
  mappings: { sourceElementId: string; targetElementId: string }[];
}

/** Why a modification or migration is refused: it would leave the instance in an invalid state. Nothing was changed. */
export type ChangeRefusalReason =
  | 'LEGACY_INSTANCE'
  | 'NOTHING_TO_DO'
  | 'NOT_ACTIVE'
  | 'UNKNOWN_ELEMENT'
  | 'NOT_ACTIVATABLE'
  | 'SCOPE_MISSING'
  | 'SCOPE_AMBIGUOUS'
  | 'SCOPE_LEFT_EMPTY'
  | 'NO_TOKEN_LEFT'
  | 'OTHER_PROCESS'
  | 'OTHER_TENANT'
  | 'SAME_DEFINITION'
  | 'UNMAPPED_ELEMENT'
  | 'TARGET_UNKNOWN'
  | 'TYPE_CHANGED'
  | 'SCOPE_CHANGED'
  | 'UNMAPPED_EVENT'
  | 'UNMAPPED_JOIN'
  | 'ACTIVATION_FAILED';

export interface ChangeRefusal {
  reason: ChangeRefusalReason;
  /** The element (source element of a migration) the refusal is about, if one. */
  elementId?: string;
  elementInstanceKey?: string;
  targetElementId?: string;
  message: string;
}

/** An element instance a migration moves, keeping its key, jobs, tasks and timers. */
export interface MigrationMove {
  elementInstanceKey: string;
  elementId: string;
  targetElementId: string;
}

/** What a migration (or its dry run) found: what would move and what cannot. `migrated`: it was applied. */
export interface MigrationReport {
  instanceKey: string;
  sourceDefinitionKey: string;
  sourceVersion: number;
  targetDefinitionKey: string;
  targetVersion: number | null;
  moves: MigrationMove[];
  refusals: ChangeRefusal[];
  migrated: boolean;
}

/** A deployed process definition with its flow elements (for choosing what to activate or where to map). */
export interface ProcessDefinitionInfo {
  key: string;
  bpmnProcessId: string;
  version: number;
  tenantId: string;
  elements: { id: string; name: string | null; type: string; parentId: string | null }[];
}

/** The EngineError details of a refused modification or migration. */
export interface ChangeRefusedDetails {
  refusals: ChangeRefusal[];
}

/**
 * The one interface the rest of kuaibao uses to run BPMN. Implemented by the embedded adapter
 * (bpmn-engine, state in our database) and, for production, by a Zeebe adapter.
 */
export interface WorkflowEngine {
  deploy(resources: DeployResource[], options?: { tenantId?: string }): Promise<DeployedProcess[]>;
  startInstance(input: StartInstanceInput): Promise<InstanceRef>;
  /**
   * Cancels the instance: no task, job, timer or subscription of it stays open. With `options.writes`, the caller's
   * business writes commit with the cancel (StepWrites; e.g. 撤回's withdrawn report, docs/adr/0041).
   */
  cancelInstance(instanceKey: string, options?: CompleteOptions): Promise<void>;
  getInstance(instanceKey: string): Promise<InstanceStatus | null>;
  findInstances(filter: InstanceFilter): Promise<InstanceStatus[]>;
  setVariables(instanceKey: string, variables: Variables): Promise<void>;

  activateJobs(input: ActivateJobsInput): Promise<ActivatedJob[]>;
  /** With `options.writes`, the caller's business writes commit with the completion (StepWrites). */
  completeJob(jobKey: string, variables?: Variables, options?: CompleteOptions): Promise<void>;
  failJob(input: FailJobInput): Promise<void>;
  throwError(input: ThrowErrorInput): Promise<void>;
  updateJobRetries(jobKey: string, retries: number): Promise<void>;
  createWorker(options: WorkerOptions): JobWorker;

  searchUserTasks(filter: UserTaskFilter): Promise<UserTask[]>;
  getUserTask(userTaskKey: string): Promise<UserTask | null>;
  /** Sets or clears the assignee; with `allowOverride: false`, a task someone else holds is refused (INVALID_STATE). */
  assignUserTask(userTaskKey: string, assignee: string | null, options?: { allowOverride?: boolean }): Promise<void>;
  /** With `options.writes`, the caller's business writes commit with the completion (StepWrites). */
  completeUserTask(userTaskKey: string, variables?: Variables, options?: CompleteOptions): Promise<void>;

  publishMessage(input: PublishMessageInput): Promise<{ key: string; correlated: boolean }>;

  listIncidents(filter: { instanceKey?: string; state?: 'active' | 'resolved' }): Promise<Incident[]>;
  resolveIncident(incidentKey: string): Promise<void>;

  /** The deployed versions of a process in a tenant (newest first), with their elements. */
  listDefinitions(filter: { bpmnProcessId: string; tenantId?: string }): Promise<ProcessDefinitionInfo[]>;
  /**
   * Moves tokens (Zeebe's process instance modification): terminates element instances, activates elements. Refused
   * whole with INVALID_STATE and `ChangeRefusedDetails` when it would leave an invalid state; NOT_FOUND for no instance.
   */
  modifyInstance(instanceKey: string, input: ModifyInstanceInput): Promise<void>;
  /**
   * Moves a running instance to another version of its process (Zeebe's process instance migration). With `dryRun`
   * nothing changes and the report lists what would move and what cannot; without it a plan with refusals is refused
   * whole (INVALID_STATE with `ChangeRefusedDetails`).
   */
  migrateInstance(instanceKey: string, plan: MigrationPlan, options?: { dryRun?: boolean }): Promise<MigrationReport>;

  close(): Promise<void>;
}
