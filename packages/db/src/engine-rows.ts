import type { EngineIncident, EngineInstance, EngineJob, EngineUserTask } from '@prisma/client';
import type { Incident, InstanceRecord, JobRecord, JobState, MessageRecord, UserTask, Variables } from '@kuaibao/engine';

/** Engine rows (Prisma models, or raw rows selected with the same camelCase names) to the engine's records. */
export type InstanceRow = Omit<EngineInstance, 'updatedAt'>;
export type JobRow = Omit<EngineJob, 'createdAt' | 'updatedAt'>;

export function toInstance(row: InstanceRow): InstanceRecord {
  return {
    key: String(row.key),
    definitionKey: String(row.definitionKey),
    bpmnProcessId: row.bpmnProcessId,
    version: row.version,
    tenantId: row.tenantId,
    businessKey: row.businessKey,
    state: row.state as InstanceRecord['state'],
    engineState: row.engineState,
    variables: row.variables as Variables,
    activeElements: row.activeElements as unknown as InstanceRecord['activeElements'],
    startedAt: row.startedAt,
    endedAt: row.endedAt,
    revision: row.revision,
  };
}

export function toJob(row: JobRow): JobRecord {
  return {
    key: String(row.key),
    instanceKey: String(row.instanceKey),
    elementId: row.elementId,
    elementInstance: row.elementInstance,
    type: row.type,
    state: row.state as JobState,
    retries: row.retries,
    variables: row.variables as Variables,
    customHeaders: row.customHeaders as Record<string, string>,
    worker: row.worker,
    lockOwner: row.lockOwner,
    deadline: row.deadline,
    dueAt: row.dueAt,
    errorMessage: row.errorMessage,
  };
}

export type UserTaskRow = Omit<EngineUserTask, 'candidateGroups' | 'candidateUsers'> & {
  candidateGroups: string[] | null;
  candidateUsers: string[] | null;
  instance: { bpmnProcessId: string; businessKey: string | null; tenantId: string };
};

export function toUserTask(row: UserTaskRow): UserTask {
  return {
    key: String(row.key),
    instanceKey: String(row.instanceKey),
    bpmnProcessId: row.instance.bpmnProcessId,
    businessKey: row.instance.businessKey,
    tenantId: row.instance.tenantId,
    elementId: row.elementId,
    elementInstanceKey: row.elementInstance,
    name: row.name,
    state: row.state as UserTask['state'],
    assignee: row.assignee,
    candidateGroups: row.candidateGroups ?? [],
    candidateUsers: row.candidateUsers ?? [],
    dueDate: row.dueDate?.toISOString() ?? null,
    followUpDate: row.followUpDate?.toISOString() ?? null,
    formKey: row.formKey,
    customHeaders: row.customHeaders as Record<string, string>,
    variables: row.variables as Variables,
    createdAt: row.createdAt.toISOString(),
    completedAt: row.completedAt?.toISOString() ?? null,
  };
}

export function toMessage(row: { key: bigint; name: string; correlationKey: string; tenantId: string; messageId: string | null; variables: unknown; expiresAt: Date }): MessageRecord {
  return { ...row, key: String(row.key), variables: row.variables as Variables };
}

export function toIncident(row: EngineIncident): Incident {
  return {
    key: String(row.key),
    instanceKey: String(row.instanceKey),
    elementId: row.elementId,
    elementInstanceKey: row.elementInstance,
    jobKey: row.jobKey === null ? null : String(row.jobKey),
    errorType: row.errorType as Incident['errorType'],
    errorMessage: row.errorMessage,
    state: row.state as Incident['state'],
    createdAt: row.createdAt.toISOString(),
  };
}
