import { EngineError } from '../errors';
import type {
  ActivatedJob, ActiveElement, DeployedProcess, Incident, InstanceState, UserTask, UserTaskFilter, UserTaskState, Variables,
} from '../types';
import { restKey } from './rest-keys';
import type {
  RestElementInstance, RestIncident, RestUserTask, RestUserTaskFilter, RestUserTaskState, RestVariable, ZeebeDeployment, ZeebeJob,
} from './sdk';

/**
 * Pure translations between the Camunda 8 SDK's shapes and the port's. Keys are strings at the port
 * (Zeebe's are int64). The business key (incident number) travels as the process variable
 * `businessKey`: Camunda 8.8 has no business key (a business id arrives in 8.10), and tags are not
 * in the gRPC API; a variable is visible to FEEL, to every job and task, and searchable.
 */
export const BUSINESS_KEY_VARIABLE = 'businessKey';

/** The variables an instance starts with: the business key joins them; a conflicting one is refused. */
export function withBusinessKey(variables: Variables = {}, businessKey?: string): Variables {
  if (businessKey === undefined) return variables;
  const given = variables[BUSINESS_KEY_VARIABLE];
  if (given !== undefined && given !== businessKey) {
    throw new EngineError('INVALID_ARGUMENT', `Variable ${BUSINESS_KEY_VARIABLE} (${String(given)}) differs from the business key ${businessKey}`);
  }
  return { ...variables, [BUSINESS_KEY_VARIABLE]: businessKey };
}

export function businessKeyOf(variables: Variables): string | null {
  const value = variables[BUSINESS_KEY_VARIABLE];
  return typeof value === 'string' ? value : null;
}

/** Zeebe's default tenant; the SDK is not told a tenant then, so clusters without multi-tenancy accept the call. */
export const DEFAULT_TENANT = '<default>';
export const tenantArg = (tenantId: string | undefined): { tenantId?: string } =>
  tenantId && tenantId !== DEFAULT_TENANT ? { tenantId } : {};

const iso = (value: string | number | undefined | null): string | null =>
  value === undefined || value === null || value === '' ? null : new Date(typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value).toISOString();
const str = (value: unknown): string => String(value);

export function toActivatedJob(job: ZeebeJob): ActivatedJob {
  const variables = (job.variables ?? {}) as Variables;
  return {
    key: str(job.key),
    type: job.type,
    instanceKey: str(job.processInstanceKey),
    bpmnProcessId: job.bpmnProcessId,
    elementId: job.elementId,
    elementInstanceKey: str(job.elementInstanceKey),
    businessKey: businessKeyOf(variables),
    tenantId: job.tenantId,
    retries: job.retries,
    deadline: iso(job.deadline) ?? new Date(0).toISOString(),
    worker: job.worker,
    customHeaders: toHeaders(job.customHeaders),
    variables,
  };
}

/** Custom headers are strings in BPMN; the SDK may hand numbers over after its JSON parse. */
export function toHeaders(headers: unknown): Record<string, string> {
  if (!headers || typeof headers !== 'object') return {};
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]));
}

export function toDeployedProcesses(response: ZeebeDeployment): DeployedProcess[] {
  return response.deployments.flatMap((deployment) => {
    const process = (deployment as { process?: { processDefinitionKey: unknown; bpmnProcessId: string; version: number; resourceName: string; tenantId: string } }).process;
    return process
      ? [{ key: str(process.processDefinitionKey), bpmnProcessId: process.bpmnProcessId, version: process.version, resourceName: process.resourceName, tenantId: process.tenantId || response.tenantId }]
      : [];
  });
}

export function toInstanceState(state: string): InstanceState {
  if (state === 'COMPLETED') return 'completed';
  if (state === 'TERMINATED') return 'canceled';
  return 'active';
}

/** REST variables hold JSON text; a value that is not JSON (should not happen) is kept as text. */
export function toVariables(items: Pick<RestVariable, 'name' | 'value'>[]): Variables {
  return Object.fromEntries(items.map((v) => [v.name, parseJson(v.value)]));
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Zeebe element types named as bpmn-moddle names them, which is what the embedded engine reports. */
const ELEMENT_TYPES: Record<string, string> = {
  SUB_PROCESS: 'bpmn:SubProcess', EVENT_SUB_PROCESS: 'bpmn:SubProcess', AD_HOC_SUB_PROCESS: 'bpmn:AdHocSubProcess',
  START_EVENT: 'bpmn:StartEvent', INTERMEDIATE_CATCH_EVENT: 'bpmn:IntermediateCatchEvent', INTERMEDIATE_THROW_EVENT: 'bpmn:IntermediateThrowEvent',
  BOUNDARY_EVENT: 'bpmn:BoundaryEvent', END_EVENT: 'bpmn:EndEvent', SERVICE_TASK: 'bpmn:ServiceTask', RECEIVE_TASK: 'bpmn:ReceiveTask',
  USER_TASK: 'bpmn:UserTask', MANUAL_TASK: 'bpmn:ManualTask', TASK: 'bpmn:Task', EXCLUSIVE_GATEWAY: 'bpmn:ExclusiveGateway',
  INCLUSIVE_GATEWAY: 'bpmn:InclusiveGateway', PARALLEL_GATEWAY: 'bpmn:ParallelGateway', EVENT_BASED_GATEWAY: 'bpmn:EventBasedGateway',
  CALL_ACTIVITY: 'bpmn:CallActivity', BUSINESS_RULE_TASK: 'bpmn:BusinessRuleTask', SCRIPT_TASK: 'bpmn:ScriptTask', SEND_TASK: 'bpmn:SendTask',
};

/** Where an instance waits: its active element instances, the process itself and multi-instance bodies left out. */
export function toActiveElements(items: RestElementInstance[]): ActiveElement[] {
  return items
    .filter((e) => e.state === 'ACTIVE' && e.type !== 'PROCESS' && e.type !== 'MULTI_INSTANCE_BODY')
    .sort((a, b) => a.startDate.localeCompare(b.startDate))
    .map((e) => ({
      elementId: str(e.elementId),
      elementType: ELEMENT_TYPES[e.type] ?? e.type,
      elementInstanceKey: str(e.elementInstanceKey),
      since: iso(e.startDate) ?? new Date(0).toISOString(),
    }));
}

/** Zeebe's incident types beyond job retries and uncaught errors are all failures to evaluate the model: EXECUTION_ERROR. */
export function toIncident(incident: RestIncident): Incident {
  const type = incident.errorType;
  return {
    key: str(incident.incidentKey),
    instanceKey: str(incident.processInstanceKey),
    elementId: str(incident.elementId ?? ''),
    elementInstanceKey: str(incident.elementInstanceKey ?? ''),
    jobKey: incident.jobKey === undefined || incident.jobKey === null ? null : str(incident.jobKey),
    errorType: type === 'JOB_NO_RETRIES' || type === 'UNHANDLED_ERROR_EVENT' ? type : 'EXECUTION_ERROR',
    errorMessage: incident.errorMessage ?? '',
    state: incident.state === 'RESOLVED' || incident.state === 'MIGRATED' ? 'resolved' : 'active',
    createdAt: iso(incident.creationTime) ?? new Date(0).toISOString(),
  };
}

// ---- user tasks ------------------------------------------------------------------------------

/** Camunda user task states grouped into the port's three. */
const TASK_STATES: Record<UserTaskState, RestUserTaskState[]> = {
  created: ['CREATING', 'CREATED', 'ASSIGNING', 'UPDATING', 'COMPLETING', 'FAILED'],
  completed: ['COMPLETED'],
  canceled: ['CANCELING', 'CANCELED'],
};

export function toUserTaskState(state: string | undefined): UserTaskState {
  if (state === 'COMPLETED') return 'completed';
  if (state === 'CANCELING' || state === 'CANCELED') return 'canceled';
  return 'created';
}

/** What a Camunda user task does not carry itself: its variables and, for a linked form, the form id. */
export interface UserTaskExtras {
  variables: Variables;
  formId?: string | null;
}

export function toUserTask(task: RestUserTask, extras: UserTaskExtras): UserTask {
  return {
    key: str(task.userTaskKey),
    instanceKey: str(task.processInstanceKey),
    bpmnProcessId: str(task.processDefinitionId),
    businessKey: businessKeyOf(extras.variables),
    tenantId: str(task.tenantId ?? DEFAULT_TENANT),
    elementId: str(task.elementId),
    elementInstanceKey: str(task.elementInstanceKey),
    name: task.name ?? null,
    state: toUserTaskState(task.state),
    assignee: task.assignee ?? null,
    candidateGroups: task.candidateGroups ?? [],
    candidateUsers: task.candidateUsers ?? [],
    dueDate: iso(task.dueDate),
    followUpDate: iso(task.followUpDate),
    formKey: task.externalFormReference ?? extras.formId ?? (task.formKey === undefined ? null : str(task.formKey)),
    customHeaders: toHeaders(task.customHeaders),
    variables: extras.variables,
    createdAt: iso(task.creationDate) ?? new Date(0).toISOString(),
    completedAt: iso(task.completionDate),
  };
}

/** One REST filter per alternative: the port ORs candidate groups, candidate user and assignee; REST filters AND. */
export function toUserTaskFilters(filter: UserTaskFilter): RestUserTaskFilter[] {
  const base: RestUserTaskFilter = {
    ...(filter.state && { state: { $in: TASK_STATES[filter.state] } }),
    ...(filter.instanceKey && { processInstanceKey: restKey.processInstance(filter.instanceKey) }),
  };
  const alternatives: RestUserTaskFilter[] = [];
  if (filter.candidateGroups?.length) alternatives.push({ ...base, candidateGroup: { $in: filter.candidateGroups } });
  if (filter.candidateUser) alternatives.push({ ...base, candidateUser: filter.candidateUser }, { ...base, assignee: filter.candidateUser });
  return alternatives.length > 0 ? alternatives : [base];
}

/** Merges the pages of the alternatives: each task once, oldest first (as the embedded inbox orders), up to the limit. */
export function mergeUserTasks(pages: RestUserTask[][], limit: number): RestUserTask[] {
  const byKey = new Map<string, RestUserTask>();
  for (const task of pages.flat()) byKey.set(str(task.userTaskKey), task);
  return [...byKey.values()]
    .sort((a, b) => (a.creationDate ?? '').localeCompare(b.creationDate ?? '') || compareKeys(str(a.userTaskKey), str(b.userTaskKey)))
    .slice(0, limit);
}

const compareKeys = (a: string, b: string) => (BigInt(a) < BigInt(b) ? -1 : BigInt(a) > BigInt(b) ? 1 : 0);
