import type { IncidentRetried, InstanceProblem, TracedInstance } from '@kuaibao/domain';
import type { InstanceStatus, UserTask } from '@kuaibao/engine';
import type { SessionUser } from '../auth/session-user';
import type { ApiDeps } from '../deps';
import { AppError, bilingual } from '../errors/app-error';
import { isEngineKey } from './engine-key';
import type { ProcessCatalog } from './process-catalog';

/** Containers and armed boundary events are active beside the step an instance waits at; they are not where it waits. */
const NOT_A_WAIT = new Set(['bpmn:SubProcess', 'bpmn:BoundaryEvent']);

/**
 * 流程监控: the running instances, each with where it waits, since when, who must act there, and what failed.
 * Instances with an open incident come first (all of them, within `limit`), then the longest waiting; with `instances`,
 * only those of them that still run, all of them (the schema bounds the keys; `limit` pages the list, not a named set).
 */
export async function traceInstances(
  deps: Pick<ApiDeps, 'engine' | 'incidents'>,
  catalog: ProcessCatalog,
  filter: { problem: InstanceProblem; limit: number; instances?: string[] | undefined },
): Promise<TracedInstance[]> {
  if (filter.instances) return traceThese(deps, catalog, filter.instances, filter.problem);
  const failing = new Map<string, InstanceStatus>();
  for (const incident of await deps.engine.listIncidents({ state: 'active' })) {
    if (failing.size >= filter.limit || failing.has(incident.instanceKey)) continue;
    const instance = await deps.engine.getInstance(incident.instanceKey);
    if (instance?.state === 'active') failing.set(instance.key, instance);
  }
  const others = filter.problem === 'incident' || failing.size >= filter.limit
    ? []
    : (await deps.engine.findInstances({ state: 'active', limit: filter.limit })).filter((i) => !failing.has(i.key)).slice(0, filter.limit - failing.size);
  return traceAll(deps, catalog, [...failing.values(), ...others]);
}

/** The named instances that still run (with a failure, for `incident`): how a batch retry watches its steps (ADR 0075). */
async function traceThese(deps: Pick<ApiDeps, 'engine' | 'incidents'>, catalog: ProcessCatalog, keys: string[], problem: InstanceProblem) {
  const found = await Promise.all(keys.filter(isEngineKey).map((key) => deps.engine.getInstance(key)));
  const running = found.filter((i): i is InstanceStatus => i?.state === 'active' && (problem === 'all' || i.incidents.some((x) => x.state === 'active')));
  return traceAll(deps, catalog, running);
}

async function traceAll(deps: Pick<ApiDeps, 'engine' | 'incidents'>, catalog: ProcessCatalog, instances: InstanceStatus[]): Promise<TracedInstance[]> {
  const numbers = [...new Set(instances.flatMap((i) => (i.businessKey ? [i.businessKey] : [])))];
  const titles = new Map(numbers.length === 0 ? [] : (await deps.incidents.list({ unitIds: [], orNumbers: numbers, offset: 0, limit: numbers.length })).items.map((i) => [i.number, i.title]));
  const traced = await Promise.all(instances.map(async (instance) => trace(instance, await deps.engine.searchUserTasks({ instanceKey: instance.key, state: 'created' }), titles, catalog)));
  return traced.sort((a, b) => Number(b.incidents.length > 0) - Number(a.incidents.length > 0) || a.waitingSince.localeCompare(b.waitingSince));
}

function trace(instance: InstanceStatus, tasks: UserTask[], titles: Map<string, string>, catalog: ProcessCatalog): TracedInstance {
  const name = (elementId: string) => catalog.elementName(instance.bpmnProcessId, elementId);
  const waiting = instance.activeElements
    .filter((e) => !NOT_A_WAIT.has(e.elementType))
    .map((e) => ({
      elementId: e.elementId,
      elementName: name(e.elementId),
      elementType: e.elementType,
      since: e.since,
      tasks: tasks
        .filter((t) => t.elementInstanceKey === e.elementInstanceKey || t.elementId === e.elementId)
        .map(({ key, name: taskName, assignee, candidateGroups, candidateUsers }) => ({ key, name: taskName, assignee, candidateGroups, candidateUsers })),
    }));
  const since = waiting.map((w) => w.since).sort()[0];
  return {
    instanceKey: instance.key,
    bpmnProcessId: instance.bpmnProcessId,
    processName: catalog.processName(instance.bpmnProcessId),
    version: instance.version,
    incidentNumber: instance.businessKey,
    title: instance.businessKey ? (titles.get(instance.businessKey) ?? null) : null,
    startedAt: instance.startedAt,
    waitingSince: since && since > instance.startedAt ? since : instance.startedAt,
    waiting,
    incidents: instance.incidents
      .filter((i) => i.state === 'active')
      .map(({ key, elementId, errorType, errorMessage, createdAt, jobKey }) => ({ key, elementId, elementName: name(elementId), errorType, errorMessage, createdAt, jobKey })),
  };
}

/**
 * 重试: gives a failed step's job `retries` again and resolves its incident, so the step runs once more (after
 * whatever was wrong has been fixed). The admin's reason goes into the dossier's audit trail.
 */
export async function retryIncident(
  deps: Pick<ApiDeps, 'engine' | 'audit'>,
  catalog: ProcessCatalog,
  user: SessionUser,
  input: { incidentKey: string; retries: number; reason: string; ip: string | null },
): Promise<IncidentRetried> {
  const notFound = () => new AppError('NOT_FOUND', bilingual(`故障 ${input.incidentKey} 不存在`, `Incident ${input.incidentKey} not found`));
  if (!isEngineKey(input.incidentKey)) throw notFound();
  const incident = (await deps.engine.listIncidents({ state: 'active' })).find((i) => i.key === input.incidentKey);
  if (!incident) {
    const resolved = (await deps.engine.listIncidents({ state: 'resolved' })).some((i) => i.key === input.incidentKey);
    if (resolved) throw new AppError('CONFLICT', bilingual(`故障 ${input.incidentKey} 已处理`, `Incident ${input.incidentKey} is already resolved`));
    throw notFound();
  }
  const instance = await deps.engine.getInstance(incident.instanceKey);
  if (incident.jobKey) await deps.engine.updateJobRetries(incident.jobKey, input.retries);
  await deps.engine.resolveIncident(incident.key);
  const incidentNumber = instance?.businessKey ?? null;
  if (incidentNumber) {
    const reportId = instance?.variables.reportId;
    await deps.audit.append({
      incidentNumber,
      // the report whose flow the step belongs to, so the dossier shows the retry on that report
      ...(typeof reportId === 'string' && { reportId }),
      actorId: user.id,
      actorName: user.displayName,
      action: 'admin.incident_retried',
      detail: {
        incidentKey: incident.key, instanceKey: incident.instanceKey, elementId: incident.elementId,
        elementName: instance ? catalog.elementName(instance.bpmnProcessId, incident.elementId) : null,
        errorMessage: incident.errorMessage, retries: input.retries, reason: input.reason,
      },
      ip: input.ip,
    });
  }
  return { incidentKey: incident.key, instanceKey: incident.instanceKey, incidentNumber, retries: input.retries };
}
