import type { Prisma, PrismaClient } from '@prisma/client';

/** `contains` takes a LIKE pattern: a searched % or _ means itself. */
const literally = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

interface Page {
  offset: number;
  limit: number;
}

/** What the approver did: the trail entries of a person's own task actions (已办). */
export const DONE_ACTIONS = ['task.completed', 'task.transferred', 'task.delegated', 'task.delegation_returned'] as const;

export interface DoneFilter extends Page {
  actorId: string;
  q?: string | undefined;
  reportKind?: string | undefined;
  action?: (typeof DONE_ACTIONS)[number] | undefined;
}

export interface InitiatedFilter extends Page {
  createdById: string;
  q?: string | undefined;
  reportKind?: string | undefined;
  status?: string | undefined;
}

export interface CopiedFilter extends Page {
  recipientId: string;
  q?: string | undefined;
  kind?: string | undefined;
}

const incidentSearch = (q: string | undefined): Prisma.IncidentWhereInput | undefined =>
  q ? { OR: [{ title: { contains: literally(q) } }, { number: { contains: literally(q) } }] } : undefined;

/**
 * The approver's lists beside the inbox (issue 20): 已办 (my task actions, from the audit trail), 我发起的 (reports I
 * created) and 抄送我的 (notices sent to me). Each is one page and its total, newest first.
 */
export function createWorkListRepository(prisma: PrismaClient) {
  const reportIdsOfKind = async (kind: string, actorId: string) =>
    (await prisma.incidentReport.findMany({ where: { kind, incident: { audit: { some: { actorId } } } }, select: { id: true } })).map((r) => r.id);
  return {
    async done(filter: DoneFilter) {
      const search = incidentSearch(filter.q);
      const where: Prisma.AuditEventWhereInput = {
        actorId: filter.actorId,
        action: filter.action ?? { in: [...DONE_ACTIONS] },
        ...(search && { incident: search }),
        // audit_event has no relation to its report: the reports of that kind among the incidents this person acted on
        ...(filter.reportKind && { reportId: { in: await reportIdsOfKind(filter.reportKind, filter.actorId) } }),
      };
      const [rows, total] = await Promise.all([
        prisma.auditEvent.findMany({ where, orderBy: [{ at: 'desc' }, { id: 'desc' }], skip: filter.offset, take: filter.limit, include: { incident: true } }),
        prisma.auditEvent.count({ where }),
      ]);
      const reports = await prisma.incidentReport.findMany({ where: { id: { in: rows.flatMap((r) => (r.reportId ? [r.reportId] : [])) } } });
      const byId = new Map(reports.map((r) => [r.id, r]));
      return { total, items: rows.map((row) => ({ ...row, report: row.reportId ? (byId.get(row.reportId) ?? null) : null })) };
    },

    async initiated(filter: InitiatedFilter) {
      const search = incidentSearch(filter.q);
      const where: Prisma.IncidentReportWhereInput = {
        createdById: filter.createdById,
        ...(filter.reportKind && { kind: filter.reportKind }),
        ...(filter.status && { status: filter.status }),
        ...(search && { incident: search }),
      };
      const [items, total] = await Promise.all([
        prisma.incidentReport.findMany({ where, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], skip: filter.offset, take: filter.limit, include: { incident: true } }),
        prisma.incidentReport.count({ where }),
      ]);
      // Where each report now waits (the inbox's read model: open tasks with their holders).
      const open = await prisma.inboxTask.findMany({ where: { reportId: { in: items.map((r) => r.id) } }, orderBy: { createdAt: 'asc' } });
      return { total, items: items.map((report) => ({ ...report, openTasks: open.filter((t) => t.reportId === report.id) })) };
    },

    async copied(filter: CopiedFilter) {
      const search = incidentSearch(filter.q);
      const numbers = search ? (await prisma.incident.findMany({ where: search, select: { number: true } })).map((i) => i.number) : undefined;
      const where: Prisma.NotificationWhereInput = {
        recipientId: filter.recipientId,
        ...(filter.kind && { kind: filter.kind }),
        ...(numbers && { incidentNumber: { in: numbers } }),
      };
      const [rows, total] = await Promise.all([
        prisma.notification.findMany({ where, orderBy: [{ sentAt: 'desc' }, { id: 'desc' }], skip: filter.offset, take: filter.limit }),
        prisma.notification.count({ where }),
      ]);
      const [incidents, reports] = await Promise.all([
        prisma.incident.findMany({ where: { number: { in: [...new Set(rows.map((r) => r.incidentNumber))] } } }),
        prisma.incidentReport.findMany({ where: { id: { in: rows.flatMap((r) => (r.reportId ? [r.reportId] : [])) } } }),
      ]);
      const incidentOf = new Map(incidents.map((i) => [i.number, i]));
      const reportOf = new Map(reports.map((r) => [r.id, r]));
      return { total, items: rows.map((row) => ({ ...row, incident: incidentOf.get(row.incidentNumber) ?? null, report: row.reportId ? (reportOf.get(row.reportId) ?? null) : null })) };
    },
  };
}

export type WorkListRepository = ReturnType<typeof createWorkListRepository>;
