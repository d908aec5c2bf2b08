import { EngineError } from '../errors';
import type {
  ActivateJobsInput, ActivatedJob, CompleteOptions, DeployedProcess, DeployResource, FailJobInput, Incident, InstanceFilter, InstanceRef,
  InstanceStatus, JobWorker, MigrationPlan, MigrationReport, ModifyInstanceInput, ProcessDefinitionInfo, PublishMessageInput, StartInstanceInput, ThrowErrorInput, UserTask, UserTaskFilter,
  Variables, WorkerOptions, WorkflowEngine,
} from '../types';
import { call } from './errors';
import { summarizeTopology, unreachable, withTimeout, type ZeebeHealth } from './health';
import { ZeebeInstanceChanges } from './instance-changes';
import { InstanceQueries } from './instance-queries';
import { ZeebeJobWorker, type WorkerDefaults } from './job-worker';
import { DEFAULT_TENANT, tenantArg, toActivatedJob, toDeployedProcesses, withBusinessKey } from './mapping';
import { publishMessage } from './messages';
import { jsonDoc, type CamundaRest, type SetVariables, type StartVariables, type ZeebeGrpc } from './sdk';
import { UserTaskGateway } from './user-tasks';
import { sendAfterWrites } from './writes-first';

export interface ZeebeEngineOptions {
  grpc: ZeebeGrpc;
  rest: CamundaRest;
  /** Tenant (jurisdiction) of calls that name none. */
  defaultTenantId?: string;
  /** How long activateJobs() may wait at the gateway for a job (long polling); -1 answers at once. */
  activateRequestTimeoutMs?: number;
  worker?: Partial<Omit<WorkerDefaults, 'onError'>>;
  healthTimeoutMs?: number;
  onError?: (error: unknown) => void;
  /** Closes the SDK clients; the gRPC client alone when omitted. */
  closeClients?: () => Promise<void>;
}

/**
 * The production adapter of the WorkflowEngine port: Zeebe (Camunda 8.8) through the official SDK.
 * Commands (deploy, start, jobs, messages, cancel, variables, incidents) go over gRPC and are
 * answered by the broker; user tasks are Camunda user tasks over the REST API; reads of instances,
 * tasks and incidents come from secondary storage and are eventually consistent (ADR 0005).
 */
export class ZeebeEngine implements WorkflowEngine {
  private readonly grpc: ZeebeGrpc;
  private readonly rest: CamundaRest;
  private readonly tenantId: string;
  private readonly queries: InstanceQueries;
  private readonly userTasks: UserTaskGateway;
  private readonly changes: ZeebeInstanceChanges;
  private readonly workers = new Set<JobWorker>();
  private readonly workerDefaults: WorkerDefaults;

  constructor(private readonly options: ZeebeEngineOptions) {
    this.grpc = options.grpc;
    this.rest = options.rest;
    this.tenantId = options.defaultTenantId ?? DEFAULT_TENANT;
    this.queries = new InstanceQueries(options.rest);
    this.userTasks = new UserTaskGateway(options.rest);
    this.changes = new ZeebeInstanceChanges(options.grpc, options.rest, (key) => this.queries.get(key));
    this.workerDefaults = {
      maxJobsToActivate: 32,
      timeoutMs: 60_000,
      retryBackoffMs: 1_000,
      tenantIds: [],
      ...options.worker,
      onError: options.onError ?? ((error) => console.error('[zeebe]', error)),
    };
  }

  async deploy(resources: DeployResource[], options: { tenantId?: string } = {}): Promise<DeployedProcess[]> {
    const subject = `Deployment of ${resources.map((r) => r.name).join(', ')}`;
    const response = await call({ kind: 'deploy', subject }, () =>
      this.grpc.deployResources(resources.map(toResource), tenantArg(options.tenantId ?? this.tenantId).tenantId),
    );
    return toDeployedProcesses(response);
  }

  async startInstance(input: StartInstanceInput): Promise<InstanceRef> {
    const tenantId = input.tenantId ?? this.tenantId;
    const variables = withBusinessKey(input.variables, input.businessKey);
    const subject = `Process ${input.bpmnProcessId}${input.version !== undefined ? ` v${input.version}` : ''}`;
    const created = await call({ kind: 'lookup', subject }, () =>
      this.grpc.createProcessInstance({
        bpmnProcessId: input.bpmnProcessId,
        variables: jsonDoc<StartVariables>(variables),
        ...(input.version !== undefined && { version: input.version }),
        ...tenantArg(tenantId),
      }),
    );
    return {
      key: String(created.processInstanceKey),
      definitionKey: String(created.processDefinitionKey),
      bpmnProcessId: created.bpmnProcessId,
      version: created.version,
      tenantId: created.tenantId || tenantId,
      businessKey: input.businessKey ?? null,
    };
  }

  async cancelInstance(instanceKey: string, options: CompleteOptions = {}): Promise<void> {
    await sendAfterWrites(options.writes, { kind: 'cancelInstance', key: instanceKey, variables: {} }, () =>
      call({ kind: 'command', subject: `Process instance ${instanceKey}` }, () => this.grpc.cancelProcessInstance(instanceKey)),
    );
  }

  getInstance(instanceKey: string): Promise<InstanceStatus | null> {
    return this.queries.get(instanceKey);
  }

  findInstances(filter: InstanceFilter): Promise<InstanceStatus[]> {
    return this.queries.find(filter);
  }

  async setVariables(instanceKey: string, variables: Variables): Promise<void> {
    await call({ kind: 'command', subject: `Process instance ${instanceKey}` }, () =>
      this.grpc.setVariables({ elementInstanceKey: instanceKey, variables: jsonDoc<SetVariables>(variables), local: false }),
    );
  }

  // ---- jobs -------------------------------------------------------------------------------

  async activateJobs(input: ActivateJobsInput): Promise<ActivatedJob[]> {
    const { tenantIds } = this.workerDefaults;
    const jobs = await call({ kind: 'lookup', subject: `Jobs of type ${input.type}` }, () =>
      this.grpc.activateJobs({
        type: input.type,
        worker: input.worker,
        maxJobsToActivate: input.maxJobs,
        timeout: input.timeoutMs,
        requestTimeout: this.options.activateRequestTimeoutMs ?? -1,
        ...(tenantIds.length > 0 && { tenantIds }),
      }),
    );
    return jobs.map(toActivatedJob);
  }

  async completeJob(jobKey: string, variables: Variables = {}, options: CompleteOptions = {}): Promise<void> {
    await sendAfterWrites(options.writes, { kind: 'completeJob', key: jobKey, variables }, () =>
      call({ kind: 'command', subject: `Job ${jobKey}` }, () => this.grpc.completeJob({ jobKey, variables: jsonDoc(variables) })),
    );
  }

  async failJob(input: FailJobInput): Promise<void> {
    await call({ kind: 'command', subject: `Job ${input.jobKey}` }, () =>
      this.grpc.failJob({
        jobKey: input.jobKey,
        retries: Math.max(0, input.retries),
        errorMessage: input.errorMessage,
        retryBackOff: input.retryBackoffMs ?? 0,
      }),
    );
  }

  async throwError(input: ThrowErrorInput): Promise<void> {
    await call({ kind: 'command', subject: `Job ${input.jobKey}` }, () =>
      this.grpc.throwError({
        jobKey: input.jobKey,
        errorCode: input.errorCode,
        ...(input.errorMessage !== undefined && { errorMessage: input.errorMessage }),
        ...(input.variables && { variables: jsonDoc(input.variables) }),
      }),
    );
  }

  async updateJobRetries(jobKey: string, retries: number): Promise<void> {
    if (!Number.isInteger(retries) || retries < 0) throw new EngineError('INVALID_ARGUMENT', 'retries must be a non-negative integer');
    await call({ kind: 'lookup', subject: `Job ${jobKey}` }, () => this.grpc.updateJobRetries({ jobKey, retries }));
  }

  createWorker(options: WorkerOptions): JobWorker {
    const worker = new ZeebeJobWorker(this.grpc, options, this.workerDefaults);
    this.workers.add(worker);
    return {
      close: async () => {
        this.workers.delete(worker);
        await worker.close();
      },
    };
  }

  // ---- user tasks -------------------------------------------------------------------------

  searchUserTasks(filter: UserTaskFilter): Promise<UserTask[]> {
    return this.userTasks.search(filter);
  }

  getUserTask(userTaskKey: string): Promise<UserTask | null> {
    return this.userTasks.get(userTaskKey);
  }

  assignUserTask(userTaskKey: string, assignee: string | null, options: { allowOverride?: boolean } = {}): Promise<void> {
    return this.userTasks.assign(userTaskKey, assignee, options.allowOverride ?? true);
  }

  completeUserTask(userTaskKey: string, variables: Variables = {}, options: CompleteOptions = {}): Promise<void> {
    return sendAfterWrites(options.writes, { kind: 'completeUserTask', key: userTaskKey, variables }, () => this.userTasks.complete(userTaskKey, variables));
  }

  // ---- messages and incidents -------------------------------------------------------------

  publishMessage(input: PublishMessageInput): Promise<{ key: string; correlated: boolean }> {
    return publishMessage(this.grpc, this.rest, input, input.tenantId ?? this.tenantId);
  }

  listIncidents(filter: { instanceKey?: string; state?: 'active' | 'resolved' }): Promise<Incident[]> {
    return this.queries.incidents(filter);
  }

  /** As in Zeebe: a job incident whose job has retries becomes activatable again; with none, a new incident follows. */
  async resolveIncident(incidentKey: string): Promise<void> {
    await call({ kind: 'command', subject: `Incident ${incidentKey}` }, () => this.grpc.resolveIncident({ incidentKey }));
  }

  // ---- modification and migration (docs/adr/0051) ---------------------------------------

  listDefinitions(filter: { bpmnProcessId: string; tenantId?: string }): Promise<ProcessDefinitionInfo[]> {
    return this.changes.list({ bpmnProcessId: filter.bpmnProcessId, tenantId: filter.tenantId ?? this.tenantId });
  }

  modifyInstance(instanceKey: string, input: ModifyInstanceInput): Promise<void> {
    return this.changes.modify(instanceKey, input);
  }

  migrateInstance(instanceKey: string, plan: MigrationPlan, options: { dryRun?: boolean } = {}): Promise<MigrationReport> {
    return this.changes.migrate(instanceKey, plan, options.dryRun ?? false);
  }

  // ---- operations -------------------------------------------------------------------------

  /** The cluster as the gateway sees it; never throws, answers `down` when the gateway does not answer in time. */
  async health(): Promise<ZeebeHealth> {
    try {
      return summarizeTopology(await withTimeout(this.grpc.topology(), this.options.healthTimeoutMs ?? 5_000));
    } catch (error) {
      return unreachable(error);
    }
  }

  /** Test support: moves the broker's clock (only on a broker started with ZEEBE_CLOCK_CONTROLLED=true). */
  async pinClock(epochMs: number): Promise<void> {
    await this.rest.pinClock({ timestamp: epochMs });
  }

  /** Test support: gives the broker its system clock back. */
  async resetClock(): Promise<void> {
    await this.rest.resetClock();
  }

  async close(): Promise<void> {
    await Promise.all([...this.workers].map((w) => w.close()));
    this.workers.clear();
    await (this.options.closeClients ? this.options.closeClients() : this.grpc.close());
  }
}

/** The SDK wants to know what a resource is: forms and decisions by their extension, everything else as BPMN. */
function toResource(resource: DeployResource) {
  const content = Buffer.from(resource.content, 'utf8');
  if (resource.name.endsWith('.form')) return { name: resource.name, form: content };
  if (resource.name.endsWith('.dmn')) return { name: resource.name, decision: content };
  return { name: resource.name, process: content };
}
