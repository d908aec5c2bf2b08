import type { ClockRepository, InboxFilter, InboxRepository, InboxRow, IncidentRepository, OpenTaskHead, ReportClockRow } from '@kuaibao/db';
import type { UserTask, WorkflowEngine } from '@kuaibao/engine';
import { snapshotChanges } from './snapshot-changes';

/** Open tasks one search returns at most: an inbox is a unit's open tasks, far fewer. */
const SEARCH_LIMIT = 500;

type Filter = Omit<InboxFilter, 'view' | 'offset' | 'limit' | 'sort' | 'overdue'>;

/**
 * The inbox through the engine port, for Zeebe, whose user tasks live in the cluster (ADR 0005) and
 * not in the engine_user_task table the SQL inbox (packages/db inbox.ts) reads. Same rows, filters,
 * order and counts as the SQL inbox (a test compares the two on the embedded engine); the join with
 * reports and the filtering happen here, on the tasks the caller may act on.
 */
export function createEngineInbox(
  engine: Pick<WorkflowEngine, 'searchUserTasks'>,
  incidents: Pick<IncidentRepository, 'reportsByInstances'>,
  clocks: Pick<ClockRepository, 'forReports'>,
): InboxRepository {
  /** Open tasks the caller is a candidate for or holds, joined with their report, filtered by report fields. */
  async function visibleRows(f: Filter): Promise<InboxRow[]> {
    const tasks = await engine.searchUserTasks({ state: 'created', candidateGroups: f.groups, candidateUser: f.username, limit: SEARCH_LIMIT });
    const reports = new Map((await incidents.reportsByInstances([...new Set(tasks.map((t) => t.instanceKey))])).map((r) => [r.instanceKey, r]));
    const clocksOf = groupByReport(await clocks.forReports([...reports.values()].map((r) => r.id)));
    return tasks.flatMap((task) => {
      const report = reports.get(task.instanceKey);
      if (!report || !isCandidate(task, f)) return [];
      const clock = clockBehind(clocksOf.get(report.id) ?? [], task.dueDate);
      const row: InboxRow = {
        key: task.key,
        instanceKey: task.instanceKey,
        elementId: task.elementId,
        name: task.name,
        kind: task.customHeaders.kind ?? null,
        assignee: task.assignee,
        candidateGroups: task.candidateGroups,
        dueDate: task.dueDate ? new Date(task.dueDate) : null,
        createdAt: new Date(task.createdAt),
        reportId: report.id,
        reportKind: report.kind,
        reportStatus: report.status,
        incidentNumber: report.incident.number,
        title: report.incident.title,
        severity: report.incident.severity,
        category: report.incident.category,
        reportingUnitId: report.incident.reportingUnitId,
        clockChannel: clock?.channel ?? null,
        clockRule: clock?.rule ?? null,
        policyCode: clock?.policyCode ?? null,
        policyVersion: clock?.policyVersion ?? null,
      };
      return matches(row, f) ? [row] : [];
    });
  }

  /** The page of the view: the rows in view, in order, sliced. */
  const pageOf = (rows: InboxRow[], f: InboxFilter) => {
    const listed = rows.filter((row) => inView(row, f) && isOverdue(row, f));
    listed.sort(f.sort === 'created' ? byCreatedDesc : byDue);
    return { items: listed.slice(f.offset, f.offset + f.limit), total: listed.length };
  };
  const countsOf = (rows: InboxRow[], f: Filter) => {
    const count = (view: InboxFilter['view']) => rows.filter((row) => inView(row, { ...f, view })).length;
    return { mine: count('mine'), group: count('group'), all: rows.length, overdue: rows.filter((row) => isOverdue(row, { ...f, overdue: true })).length };
  };

  async function openTaskHeads(): Promise<OpenTaskHead[]> {
    const tasks = await engine.searchUserTasks({ state: 'created', limit: SEARCH_LIMIT });
    return tasks.map(({ key, assignee, candidateGroups, candidateUsers }) => ({ key, assignee, candidateGroups, candidateUsers }));
  }

  return {
    list: async (f: InboxFilter) => pageOf(await visibleRows(f), f),

    async listWithCounts(f: InboxFilter) {
      const rows = await visibleRows(f);
      return { ...pageOf(rows, f), counts: countsOf(rows, f) };
    },

    /** The cluster does not say when a task changes: each look lists the open tasks and compares. */
    taskChanges: snapshotChanges(openTaskHeads),

    async openTasksOf(instanceKey: string) {
      const tasks = await engine.searchUserTasks({ instanceKey, state: 'created', limit: SEARCH_LIMIT });
      return tasks
        .sort((a, b) => new Date(a.createdAt).getTime() - new Date(b.createdAt).getTime())
        .map(({ key, assignee, candidateGroups, candidateUsers, name, customHeaders }) => ({ key, assignee, candidateGroups, candidateUsers, name, kind: customHeaders.kind ?? null }));
    },

    counts: async (f: Filter) => countsOf(await visibleRows(f), f),
  };
}

const groupByReport = (rows: ReportClockRow[]) => {
  const byReport = new Map<string, ReportClockRow[]>();
  for (const row of rows) byReport.set(row.reportId, [...(byReport.get(row.reportId) ?? []), row]);
  return byReport;
};

/** The clock a task's due date came from (the SQL inbox's join: same due instant, the written clock first). */
const clockBehind = (clocks: ReportClockRow[], dueDate: string | null) =>
  dueDate === null
    ? undefined
    : clocks.filter((c) => c.dueAt.getTime() === new Date(dueDate).getTime()).sort((a, b) => b.channel.localeCompare(a.channel))[0];

const isCandidate = (task: UserTask, f: Filter) =>
  task.assignee === f.username || task.candidateUsers.includes(f.username) || task.candidateGroups.some((g) => f.groups.includes(g));

const matches = (row: InboxRow, f: Filter) =>
  (!f.kind || row.kind === f.kind) &&
  (!f.severity || row.severity === f.severity) &&
  (!f.category || row.category === f.category) &&
  (!f.reportingUnitId || row.reportingUnitId === f.reportingUnitId);

/** Rows are tasks I may act on; mine: assigned to me; group: not assigned to anybody yet; all: both. */
const inView = (row: InboxRow, f: Pick<InboxFilter, 'view' | 'username'>) =>
  f.view === 'mine' ? row.assignee === f.username : f.view === 'group' ? row.assignee === null : true;

const isOverdue = (row: InboxRow, f: Pick<InboxFilter, 'overdue' | 'now'>) =>
  f.overdue === undefined || (f.overdue ? row.dueDate !== null && row.dueDate < f.now : row.dueDate === null || row.dueDate >= f.now);

const compareKeys = (a: string, b: string) => (BigInt(a) < BigInt(b) ? -1 : BigInt(a) > BigInt(b) ? 1 : 0);

/** Due date first (none last), then oldest, then key: the SQL inbox's default order. */
const byDue = (a: InboxRow, b: InboxRow) =>
  (a.dueDate?.getTime() ?? Infinity) - (b.dueDate?.getTime() ?? Infinity) || a.createdAt.getTime() - b.createdAt.getTime() || compareKeys(a.key, b.key);

const byCreatedDesc = (a: InboxRow, b: InboxRow) => b.createdAt.getTime() - a.createdAt.getTime() || compareKeys(b.key, a.key);
