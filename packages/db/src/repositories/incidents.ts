import { beijingDay, parseIncidentNumber, REPORT_KINDS } from '@kuaibao/domain';
import { Prisma, type Incident, type IncidentReport, type PrismaClient } from '@prisma/client';
import { preparedClient, preparedTransaction, type RawClient } from '../prepared-client';
import { appendAudit, type AuditEntry } from './audit';
import { columnsAs, nestPrefixed, type ColumnNames } from './prisma-columns';

type Client = PrismaClient | Prisma.TransactionClient;

export interface NewIncident {
  number: string;
  title: string;
  category: string;
  severity: string;
  sensitive: boolean;
  classified: boolean;
  reportingUnitId: string;
  occurredAt: Date;
  learnedAt: Date;
  /** 报送标准 at the 首报 (seed 003): mandatory or voluntary, and why. */
  reportingRequired?: boolean;
  reportingThreshold?: Prisma.InputJsonValue;
}

export interface NewReport {
  id: string;
  incidentNumber: string;
  kind: string;
  sequence: number;
  status: string;
  content: Record<string, unknown>;
  createdById: string;
}

export interface IncidentListFilter {
  /** Units whose incidents the caller may see (their own and, for superiors, subordinates'). */
  unitIds?: string[];
  /** Incident numbers addressed to the caller (recipients see what was reported to them). */
  orNumbers?: string[];
  status?: string;
  category?: string;
  severity?: string;
  reportingUnitId?: string;
  /** Created in [createdFrom, createdTo) — the statistics' drill-down (docs/adr/0050). */
  createdFrom?: Date;
  createdTo?: Date;
  /** Only what the statistics count: not the incidents whose 首报 核实 found no incident. */
  countedOnly?: boolean;
  q?: string;
  offset: number;
  limit: number;
}

/** `KB-<division>-<yyyymmdd>` of the Beijing day of `at` (a report at 00:30 Beijing time is numbered on that day, not the UTC one). */
const numberPrefix = (divisionCode: string, at: Date) => `KB-${divisionCode}-${beijingDay(at).replaceAll('-', '')}`;

async function allocateNumber(client: Client | RawClient, divisionCode: string, day: Date): Promise<string> {
  const prefix = numberPrefix(divisionCode, day);
  const [row] = await client.$queryRaw<{ last: number }[]>`/* prepared */
    INSERT INTO incident_number_counter (prefix, last) VALUES (${prefix}, 1)
    ON CONFLICT (prefix) DO UPDATE SET last = incident_number_counter.last + 1
    RETURNING last`;
  return `${prefix}-${String(row!.last).padStart(4, '0')}`;
}

export const REPORT_FIELDS: ColumnNames = [
  ['id', 'id'], ['incident_number', 'incidentNumber'], ['kind', 'kind'], ['sequence', 'sequence'], ['status', 'status'], ['content', 'content'],
  ['changes', 'changes'], ['created_by_id', 'createdById'], ['instance_key', 'instanceKey'], ['created_at', 'createdAt'], ['submitted_at', 'submittedAt'],
  ['updated_at', 'updatedAt'], ['policy_code', 'policyCode'], ['policy_version', 'policyVersion'],
];
export const INCIDENT_FIELDS: ColumnNames = [
  ['number', 'number'], ['title', 'title'], ['category', 'category'], ['severity', 'severity'], ['sensitive', 'sensitive'], ['classified', 'classified'],
  ['reporting_unit_id', 'reportingUnitId'], ['status', 'status'], ['occurred_at', 'occurredAt'], ['learned_at', 'learnedAt'], ['created_at', 'createdAt'],
  ['closed_at', 'closedAt'], ['reporting_required', 'reportingRequired'], ['reporting_threshold', 'reportingThreshold'],
];
/** incident_report's and incident's columns as Prisma names them: statements returning them give Prisma's rows. */
const REPORT_COLUMNS = columnsAs(REPORT_FIELDS, null);
const INCIDENT_PREFIX = 'incident.';
/** A report with its incident, as Prisma's `include: { incident: true }` gives it: one join. */
const REPORT_WITH_INCIDENT = Prisma.sql`${columnsAs(REPORT_FIELDS, 'r')}, ${columnsAs(INCIDENT_FIELDS, 'i', INCIDENT_PREFIX)}
  FROM incident_report r JOIN incident i ON i.number = r.incident_number`;

type ReportWithIncident = IncidentReport & { incident: Incident };
const withIncident = (row: Record<string, unknown> | undefined): ReportWithIncident | null =>
  row ? nestPrefixed<IncidentReport, 'incident', Incident>(row, INCIDENT_PREFIX, 'incident') : null;

/**
 * The incident, its first report and the audit entry: marked statements, prepared on the transaction's connection when
 * `openDossier` or `createWithReport` opened it so (Prisma's ORM cost several times the statements; docs/adr/0068).
 */
async function createDossier(tx: Prisma.TransactionClient, incident: NewIncident, report: Omit<NewReport, 'incidentNumber'>, audit: Omit<AuditEntry, 'incidentNumber'>) {
  const now = new Date();
  await tx.$executeRaw`/* prepared */
    INSERT INTO incident (number, title, category, severity, sensitive, classified, reporting_unit_id, status, occurred_at, learned_at, created_at,
                          reporting_required, reporting_threshold)
    VALUES (${incident.number}, ${incident.title}, ${incident.category}, ${incident.severity}, ${incident.sensitive}, ${incident.classified},
            ${incident.reportingUnitId}, 'open', ${incident.occurredAt}, ${incident.learnedAt}, ${now}, ${incident.reportingRequired ?? null}::boolean,
            ${incident.reportingThreshold ?? null}::jsonb)`;
  const [created] = await tx.$queryRaw<IncidentReport[]>`/* prepared */
    INSERT INTO incident_report (id, incident_number, kind, sequence, status, content, created_by_id, created_at, submitted_at, updated_at)
    VALUES (${report.id}, ${incident.number}, ${report.kind}, ${report.sequence}, ${report.status}, ${report.content}::jsonb, ${report.createdById},
            ${now}, ${now}, ${now})
    RETURNING ${REPORT_COLUMNS}`;
  await appendAudit(tx, { ...audit, incidentNumber: incident.number, reportId: created!.id });
  return created!;
}

/**
 * A dossier undone (its workflow never started) gives its number back when it is still its day's last: the next submit
 * takes it. Were a later number taken meanwhile, the gap stays (docs/adr/0025).
 */
async function giveNumberBack(tx: Prisma.TransactionClient, incidentNumber: string) {
  const parts = parseIncidentNumber(incidentNumber);
  if (!parts) return;
  await tx.$executeRaw`UPDATE incident_number_counter SET last = last - 1 WHERE prefix = ${incidentNumber.slice(0, -5)} AND last = ${parts.sequence}`;
}

/** A search text as itself in a LIKE pattern (Prisma's `contains` leaves % and _ as wildcards). */
const literally = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

export function createIncidentRepository(prisma: PrismaClient) {
  const raw = preparedClient(prisma);
  return {
    /**
     * KB-<division>-<yyyymmdd, Beijing day>-<4 digits>, allocated atomically per division and day. Pass the transaction
     * that creates the dossier (`openDossier` does): a transaction that fails then gives its number back.
     */
    nextNumber: (divisionCode: string, day: Date, client: Client = prisma): Promise<string> => allocateNumber(client, divisionCode, day),

    /**
     * Opens a dossier: its number (next of the division's Beijing day), the incident, its first report and the audit entry,
     * in one transaction. Numbers stay gap-free: a submit that fails here takes no number (docs/adr/0025).
     */
    async openDossier(
      numbering: { divisionCode: string; at: Date },
      incident: Omit<NewIncident, 'number'>,
      report: Omit<NewReport, 'incidentNumber'>,
      audit: Omit<AuditEntry, 'incidentNumber'>,
    ) {
      return preparedTransaction(prisma, async (tx) => {
        const number = await allocateNumber(tx, numbering.divisionCode, numbering.at);
        return { number, report: await createDossier(tx, { ...incident, number }, report, audit) };
      });
    },

    /** Creates the dossier of a number already allocated, its report and the audit entry in one transaction. */
    async createWithReport(incident: NewIncident, report: Omit<NewReport, 'incidentNumber'>, audit: Omit<AuditEntry, 'incidentNumber'>) {
      return preparedTransaction(prisma, (tx) => createDossier(tx, incident, report, audit));
    },

    /**
     * Adds a later report (续报/终报) to a dossier. The incident row is locked for the transaction, so
     * `plan` sees every report before it and two submits cannot both pass its checks; `plan` throws to
     * refuse. The report takes the next sequence of the dossier.
     */
    async appendReport(
      incidentNumber: string,
      plan: (dossier: IncidentWithReports) => { report: Omit<NewReport, 'incidentNumber' | 'sequence'> & { changes: unknown }; audit: Omit<AuditEntry, 'incidentNumber'> },
    ) {
      return prisma.$transaction(async (tx) => {
        await tx.$queryRaw`SELECT number FROM incident WHERE number = ${incidentNumber} FOR UPDATE`;
        const dossier = await tx.incident.findUnique({ where: { number: incidentNumber }, include: { reports: { orderBy: [{ sequence: 'asc' }, { createdAt: 'asc' }] } } });
        if (!dossier) throw new Error(`Incident ${incidentNumber} not found`);
        const { report, audit } = plan(dossier);
        const sequence = Math.max(-1, ...dossier.reports.map((r) => r.sequence)) + 1;
        const created = await tx.incidentReport.create({
          data: {
            ...report,
            incidentNumber,
            sequence,
            content: report.content as Prisma.InputJsonValue,
            changes: report.changes as Prisma.InputJsonValue,
            submittedAt: new Date(),
          },
        });
        await appendAudit(tx, { ...audit, incidentNumber, reportId: created.id });
        return created;
      });
    },

    /**
     * Adds a report to an existing dossier (the written report after a phone report, 先电话后书面), updating
     * the incident with what the report says, with its audit entry, in one transaction.
     */
    async addWrittenAfterPhone(incidentNumber: string, incident: Partial<Omit<NewIncident, 'number'>>, report: Omit<NewReport, 'incidentNumber'>, audit: Omit<AuditEntry, 'incidentNumber'>) {
      return prisma.$transaction(async (tx) => {
        await tx.incident.update({ where: { number: incidentNumber }, data: incident });
        const created = await tx.incidentReport.create({
          data: { ...report, incidentNumber, content: report.content as Prisma.InputJsonValue, submittedAt: new Date() },
        });
        await appendAudit(tx, { ...audit, incidentNumber, reportId: created.id });
        return created;
      });
    },

    /**
     * Adds a report of `kind` to an existing dossier (e.g. a 核报 request) with the next sequence of that kind,
     * its audit entry and, when given, the delivery that lets its recipient see the dossier — in one transaction.
     */
    async addReport(
      report: Omit<NewReport, 'sequence'>,
      audit: Omit<AuditEntry, 'incidentNumber' | 'reportId'>,
      delivery?: { role: string; unitId: string; receiverUnitId: string; dispatchedAt: Date },
    ) {
      return prisma.$transaction(async (tx) => {
        const sequence = await tx.incidentReport.count({ where: { incidentNumber: report.incidentNumber, kind: report.kind } });
        const created = await tx.incidentReport.create({
          data: { ...report, sequence, content: report.content as Prisma.InputJsonValue, submittedAt: new Date() },
        });
        if (delivery) await tx.incidentRecipient.create({ data: { ...delivery, reportId: created.id, incidentNumber: report.incidentNumber } });
        await appendAudit(tx, { ...audit, incidentNumber: report.incidentNumber, reportId: created.id });
        return created;
      });
    },

    /** Undoes a report added to a dossier (`appendReport`, `addReport`) whose workflow could not be started; the rest of the dossier stays. */
    async deleteUnstartedReport(reportId: string) {
      await prisma.$transaction(async (tx) => {
        const report = await tx.incidentReport.findUnique({ where: { id: reportId } });
        if (!report || report.instanceKey !== null) return;
        // The trail is append-only (ADR 0026): the submit stays in it, followed by its withdrawal.
        await appendAudit(tx, { incidentNumber: report.incidentNumber, reportId, actorName: '系统', action: 'report.withdrawn', detail: { kind: report.kind, reason: 'workflow_not_started' } });
        await tx.incidentRecipient.deleteMany({ where: { reportId } });
        await tx.incidentReport.delete({ where: { id: reportId } });
      });
    },

    /**
     * Undoes a submit whose workflow could not be started: nothing half-written remains. Only the report
     * still submitting and its audit entries go; a phone report already in the dossier stays.
     */
    async deleteUnstarted(incidentNumber: string) {
      await prisma.$transaction(async (tx) => {
        const unstarted = await tx.incidentReport.findMany({ where: { incidentNumber, instanceKey: null, status: 'submitting' }, select: { id: true, kind: true } });
        const ids = unstarted.map((r) => r.id);
        await tx.incidentReport.deleteMany({ where: { id: { in: ids } } });
        const left = await tx.incidentReport.count({ where: { incidentNumber } });
        if (left > 0) {
          // A written report after a phone report: the dossier stays, and its trail says the submit was withdrawn.
          for (const report of unstarted) {
            await appendAudit(tx, { incidentNumber, reportId: report.id, actorName: '系统', action: 'report.withdrawn', detail: { kind: report.kind, reason: 'workflow_not_started' } });
          }
        } else {
          // A new dossier whose submit never started goes whole, its trail with it: the one use of the escape (ADR 0026).
          await tx.$executeRaw`SELECT set_config('kuaibao.audit_maintenance', 'on', true)`;
          await tx.auditEvent.deleteMany({ where: { incidentNumber } });
          await tx.incident.deleteMany({ where: { number: incidentNumber } });
          await giveNumberBack(tx, incidentNumber);
        }
      });
    },

    /**
     * Links a started workflow to its report. The inbox's triggers join the two from either side, and on PostgreSQL an
     * engine step creating the instance's first user task can run at the same moment (its job was handed straight to a
     * worker): each trigger would miss the other's uncommitted row and the task would never reach the inbox. Taking
     * the instance's row lock first, as every engine step does, orders the two: the later one sees the earlier's rows.
     */
    async linkInstance(reportId: string, instanceKey: string, status: string) {
      await preparedTransaction(prisma, async (tx) => {
        if (/^\d{1,19}$/.test(instanceKey)) await tx.$queryRaw`/* prepared */ SELECT 1 FROM engine_instance WHERE key = ${BigInt(instanceKey)} FOR UPDATE`;
        const updated = await tx.$executeRaw`/* prepared */
          UPDATE incident_report SET instance_key = ${instanceKey}, status = ${status}, updated_at = ${new Date()} WHERE id = ${reportId}`;
        // as Prisma's update did: a report that is gone is an error, not a silent no-op
        if (updated === 0) throw new Error(`Report ${reportId} does not exist`);
      });
    },

    /** Every step sets its report's status: a marked statement, prepared on the step's connection (docs/adr/0066). */
    async setReportStatus(reportId: string, status: string, client: Client = prisma) {
      const on = client === prisma ? raw : client;
      const updated = await on.$executeRaw`/* prepared */ UPDATE incident_report SET status = ${status}, updated_at = ${new Date()} WHERE id = ${reportId}`;
      if (updated === 0) throw new Error(`Report ${reportId} does not exist`);
    },

    /** Moves a report from `from` to `to` only if it is still at `from` (a step already further on is never set back). */
    async advanceReportStatus(reportId: string, from: string, to: string) {
      const updated = await raw.$executeRaw`/* prepared */
        UPDATE incident_report SET status = ${to}, updated_at = ${new Date()} WHERE id = ${reportId} AND status = ${from}`;
      return updated === 1;
    },

    /** Records a delivery (idempotent: a re-delivered job writes the same row). */
    async recordRecipient(row: { reportId: string; role: string; incidentNumber: string; unitId: string; receiverUnitId: string; dispatchedAt: Date }) {
      await raw.$executeRaw`/* prepared */
        INSERT INTO incident_recipient (report_id, role, incident_number, unit_id, receiver_unit_id, dispatched_at)
        VALUES (${row.reportId}, ${row.role}, ${row.incidentNumber}, ${row.unitId}, ${row.receiverUnitId}, ${row.dispatchedAt})
        ON CONFLICT (report_id, role) DO NOTHING`;
    },

    recipientsOf: (incidentNumber: string) => prisma.incidentRecipient.findMany({ where: { incidentNumber }, orderBy: { dispatchedAt: 'asc' } }),

    /** Incident numbers delivered to any of these units (as the receiving duty unit). */
    async numbersDeliveredTo(unitIds: string[]): Promise<string[]> {
      const rows = await prisma.incidentRecipient.findMany({ where: { receiverUnitId: { in: unitIds } }, select: { incidentNumber: true }, distinct: ['incidentNumber'] });
      return rows.map((r) => r.incidentNumber);
    },

    /**
     * The dossier header (title, category, severity, sensitive) takes the facts of the latest report the
     * city duty office has received — a 续报 that regraded the incident regrades the dossier; a receipt of
     * an older report arriving later changes nothing. Idempotent.
     */
    async refreshHeader(number: string) {
      // Only 首报/续报/终报 speak for the incident (a phone report or a 核报 request in the dossier does not).
      const latest = await prisma.incidentReport.findFirst({
        where: { incidentNumber: number, status: 'received', kind: { in: [...REPORT_KINDS] } },
        orderBy: { sequence: 'desc' },
      });
      const facts = (latest?.content ?? {}) as { title?: unknown; category?: unknown; severity?: unknown; sensitive?: unknown };
      const data = {
        ...(typeof facts.title === 'string' && { title: facts.title }),
        ...(typeof facts.category === 'string' && { category: facts.category }),
        ...(typeof facts.severity === 'string' && { severity: facts.severity }),
        ...(typeof facts.sensitive === 'boolean' && { sensitive: facts.sensitive }),
      };
      if (Object.keys(data).length > 0) await prisma.incident.update({ where: { number }, data });
    },
    async closeIncident(number: string, at: Date, client: Client = prisma) {
      await client.incident.updateMany({ where: { number, status: 'open' }, data: { status: 'closed', closedAt: at } });
    },

    async updateReportContent(reportId: string, content: Record<string, unknown>, client: Client = prisma) {
      await client.incidentReport.update({ where: { id: reportId }, data: { content: content as Prisma.InputJsonValue, updatedAt: new Date() } });
    },

    /** The dossier with its reports in order. Read by the flow's steps and the API at every turn: marked (docs/adr/0068). */
    async get(number: string): Promise<IncidentWithReports | null> {
      const [incident] = await raw.$queryRaw<Incident[]>`/* prepared */ SELECT ${columnsAs(INCIDENT_FIELDS, null)} FROM incident WHERE number = ${number}`;
      if (!incident) return null;
      const reports = await raw.$queryRaw<IncidentReport[]>`/* prepared */
        SELECT ${REPORT_COLUMNS} FROM incident_report WHERE incident_number = ${number} ORDER BY sequence, created_at`;
      return { ...incident, reports };
    },

    /** A report with its incident (one join; Prisma's include ran two statements). */
    getReport: async (id: string): Promise<ReportWithIncident | null> =>
      withIncident((await raw.$queryRaw<Record<string, unknown>[]>`/* prepared */ SELECT ${REPORT_WITH_INCIDENT} WHERE r.id = ${id}`)[0]),

    reportByInstance: async (instanceKey: string): Promise<ReportWithIncident | null> =>
      withIncident((await raw.$queryRaw<Record<string, unknown>[]>`/* prepared */ SELECT ${REPORT_WITH_INCIDENT} WHERE r.instance_key = ${instanceKey}`)[0]),

    /** The reports (with their incidents) of these workflow instances, in one query. */
    reportsByInstances: (instanceKeys: string[]) =>
      prisma.incidentReport.findMany({ where: { instanceKey: { in: instanceKeys } }, include: { incident: true } }),

    /** Reports still marked submitting without an instance: left by a crash between the two steps of a submit. */
    unstartedReports: (olderThan: Date) =>
      prisma.incidentReport.findMany({ where: { instanceKey: null, status: 'submitting', createdAt: { lt: olderThan } } }),

    async list(filter: IncidentListFilter) {
      const visible: Prisma.IncidentWhereInput[] = [];
      if (filter.unitIds) visible.push({ reportingUnitId: { in: filter.unitIds } });
      if (filter.orNumbers?.length) visible.push({ number: { in: filter.orNumbers } });
      const where: Prisma.IncidentWhereInput = {
        AND: [
          ...(filter.unitIds ? [{ OR: visible }] : []),
          ...(filter.q ? [{ OR: [{ title: { contains: literally(filter.q) } }, { number: { contains: literally(filter.q) } }] }] : []),
        ],
        ...(filter.status && { status: filter.status }),
        ...(filter.category && { category: filter.category }),
        ...(filter.severity && { severity: filter.severity }),
        ...(filter.reportingUnitId && { reportingUnitId: filter.reportingUnitId }),
        ...((filter.createdFrom || filter.createdTo) && { createdAt: { ...(filter.createdFrom && { gte: filter.createdFrom }), ...(filter.createdTo && { lt: filter.createdTo }) } }),
        ...(filter.countedOnly && { reports: { none: { kind: 'first', status: 'revoked' } } }),
      };
      const [items, total] = await Promise.all([
        prisma.incident.findMany({ where, orderBy: [{ createdAt: 'desc' }, { number: 'desc' }], skip: filter.offset, take: filter.limit }),
        prisma.incident.count({ where }),
      ]);
      return { items, total };
    },
  };
}

export type IncidentRepository = ReturnType<typeof createIncidentRepository>;
export type IncidentWithReports = Prisma.IncidentGetPayload<{ include: { reports: true } }>;
