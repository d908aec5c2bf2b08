import type { ApiDeps } from '../../deps';
import { AppError, bilingual } from '../../errors/app-error';
import { isEngineKey } from '../engine-key';
import type { ProcessCatalog } from '../process-catalog';

/** Variables of a 涉密 report shown by name only: their values could carry what must not enter the system's screens. */
const CLASSIFIED_VISIBLE = new Set(['reportId', 'incidentNumber']);
export const CLASSIFIED_MASK = '（涉密，不显示）';

/**
 * One instance as an admin traces it (Operate's instance page, docs/adr/0040): the report, where the flow is and was
 * (active, completed and failed elements), each user task's history with who acted, the failed jobs, the trail of
 * the report, and its variables read-only (a 涉密 report's values masked).
 */
export async function traceInstance(deps: Pick<ApiDeps, 'engine' | 'incidents' | 'audit' | 'users'>, catalog: ProcessCatalog, key: string) {
  const notFound = () => new AppError('NOT_FOUND', bilingual(`流程实例 ${key} 不存在`, `Instance ${key} not found`));
  if (!isEngineKey(key)) throw notFound();
  const instance = await deps.engine.getInstance(key);
  const report = instance && (await deps.incidents.reportByInstance(key));
  if (!instance || !report) throw notFound();
  const name = (elementId: string) => catalog.elementName(instance.bpmnProcessId, elementId);
  const [tasks, trail] = await Promise.all([deps.engine.searchUserTasks({ instanceKey: key, limit: 500 }), deps.audit.forIncident(report.incidentNumber)]);
  const mine = trail.filter((e) => e.reportId === report.id);
  const actedOn = (taskKey: string, action: string) => mine.find((e) => e.action === action && (e.detail as { taskKey?: string }).taskKey === taskKey);
  const displayNames = new Map<string, string>();
  for (const username of new Set(tasks.flatMap((t) => (t.assignee ? [t.assignee] : [])))) displayNames.set(username, (await deps.users.findByUsername(username))?.displayName ?? username);
  const counts = new Map<string, number>();
  for (const e of instance.activeElements) counts.set(e.elementId, (counts.get(e.elementId) ?? 0) + 1);
  const classified = report.incident.classified;
  const activeIncidents = instance.incidents.filter((i) => i.state === 'active');
  return {
    instance: { key: instance.key, definitionKey: instance.definitionKey, bpmnProcessId: instance.bpmnProcessId, processName: catalog.processName(instance.bpmnProcessId), version: instance.version, jurisdiction: /^\d{6}$/.test(instance.tenantId) ? instance.tenantId : null, state: instance.state, startedAt: instance.startedAt, endedAt: instance.endedAt },
    report: { id: report.id, kind: report.kind, status: report.status, incidentNumber: report.incidentNumber, title: report.incident.title, classified, createdById: report.createdById },
    /** The active elements with their token counts (a parallel branch holds one token each). */
    activeElements: [...counts].map(([elementId, count]) => {
      const first = instance.activeElements.find((e) => e.elementId === elementId)!;
      return { elementId, elementName: name(elementId), elementType: first.elementType, since: first.since, count };
    }),
    completedElementIds: [...new Set([...tasks.filter((t) => t.state === 'completed').map((t) => t.elementId), ...mine.flatMap((e) => (e.action === 'task.completed' ? [(e.detail as { elementId?: string }).elementId ?? ''] : []))].filter(Boolean))],
    failedElementIds: [...new Set(activeIncidents.map((i) => i.elementId))],
    history: tasks
      .map((t) => {
        const done = actedOn(t.key, 'task.completed');
        return {
          taskKey: t.key, elementId: t.elementId, elementName: t.name ?? name(t.elementId), kind: t.customHeaders.kind ?? null, state: t.state,
          assignee: t.assignee, assigneeName: t.assignee ? (displayNames.get(t.assignee) ?? t.assignee) : null, candidateGroups: t.candidateGroups,
          startedAt: t.createdAt, endedAt: t.completedAt, actedBy: done?.actorName ?? null, decision: (done?.detail as { decision?: string } | undefined)?.decision ?? null,
        };
      })
      .sort((a, b) => a.startedAt.localeCompare(b.startedAt)),
    /** Jobs the engine stopped at: the port lists failed jobs through their incidents. */
    failedJobs: instance.incidents.map((i) => ({ incidentKey: i.key, jobKey: i.jobKey, elementId: i.elementId, elementName: name(i.elementId), errorType: i.errorType, errorMessage: i.errorMessage, state: i.state, createdAt: i.createdAt })),
    trail: mine.map((e) => ({ at: e.at.toISOString(), actorName: e.actorName, action: e.action, detail: classified ? { reason: (e.detail as { reason?: unknown }).reason ?? null } : e.detail })),
    variables: Object.fromEntries(Object.entries(instance.variables).map(([k, v]) => [k, classified && !CLASSIFIED_VISIBLE.has(k) ? CLASSIFIED_MASK : v])),
  };
}

export type TracedInstanceDetail = Awaited<ReturnType<typeof traceInstance>>;
