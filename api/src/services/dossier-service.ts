import { changeLabel, RECEIPT_TASK_KIND, describeThreshold, isUnverified, reportingThresholdSchema, reportStatusLabel, type IncidentType, type Locale, type ReportChange } from '@kuaibao/domain';
import type { SessionUser } from '../auth/session-user';
import type { ApiDeps } from '../deps';
import { AppError, bilingual } from '../errors/app-error';
import { withdrawBlocker } from './report-withdraw';
import { clockView } from './deadlines';
import { verificationsOf } from './verification-dossier';
import { instructionView } from './duty/instruction-service';
import { canSee, visibilityOf } from './visibility';
import { isCoSignerOf } from './task-co-sign';

const receiptKind = (role: string): string | undefined => RECEIPT_TASK_KIND[role as keyof typeof RECEIPT_TASK_KIND];

/** The threshold decided at the 首报 (as stored), told in `locale`. */
function thresholdOf(incident: { reportingThreshold: unknown; reports: { kind: string; content: unknown }[] }, locale: Locale) {
  const stored = reportingThresholdSchema.safeParse(incident.reportingThreshold);
  if (!stored.success) return null;
  const first = incident.reports.find((r) => r.kind === 'first')?.content as { incidentType?: IncidentType } | undefined;
  return describeThreshold(stored.data, first?.incidentType, locale);
}

/** A later report's difference from the previous one, each element labelled in `locale`. */
const labelledChanges = (changes: unknown, locale: Locale) =>
  Array.isArray(changes) ? (changes as ReportChange[]).map((c) => ({ field: c.field, label: changeLabel(c.field, locale), before: c.before, after: c.after })) : null;

/**
 * The dossier (档案) of one incident: its reports in order (续报/终报 with their difference from the
 * previous report), every step of the audit trail, where each report's workflow waits now (open tasks,
 * incidents), each recipient's receipt status, the statutory clocks of each report (phone and written:
 * deadline, rule, policy version, met / late / open and the actual time), the reminders and alerts sent,
 * the 核报 requests with their answers, and whether the trail's hash chain is intact (ADR 0026).
 */
export async function getDossier(deps: ApiDeps, user: SessionUser, number: string, locale: Locale = 'zh-CN') {
  // The engine's state first, the business rows after: a step's business writes commit with the step, so rows read later
  // are at least as new as the state (never a completed workflow beside the status from before its last step).
  const instances = await deps.engine.findInstances({ businessKey: number });
  const incident = await deps.incidents.get(number);
  // a leader added as co-signer (加签, docs/adr/0041) reads the dossier of the report they are asked to sign
  if (!incident || !(canSee(await visibilityOf(user, deps), incident) || (await isCoSignerOf(deps, user, number)))) throw new AppError('NOT_FOUND', bilingual(`事件 ${number} 不存在`, `Incident ${number} not found`));
  const [trail, chain, recipients, clocks, notifications, instructions] = await Promise.all([
    deps.audit.forIncident(number),
    deps.audit.verify(number),
    deps.incidents.recipientsOf(number),
    deps.clocks.forIncident(number),
    deps.notifications.forIncident(number),
    deps.duty.instructions.forIncident(number),
  ]);
  const now = deps.now();
  // Where a step was taken from (IP) and the phones texts went to are the admin's to see, not every unit's reading the dossier.
  const admin = user.roles.includes('admin');
  const units = new Map((await deps.orgUnits.all()).map((u) => [u.id, u]));
  const reports = await Promise.all(
    incident.reports.map(async (report) => {
      const instance = instances.find((i) => i.key === report.instanceKey);
      const openTasks = instance ? await deps.engine.searchUserTasks({ instanceKey: instance.key, state: 'created' }) : [];
      const completed = trail.filter((e) => e.reportId === report.id && e.action === 'task.completed');
      return {
        id: report.id,
        kind: report.kind,
        sequence: report.sequence,
        status: report.status,
        statusLabel: reportStatusLabel(report.status, locale),
        /** 未经核实 (000): not yet through 核实 — what a 越级 copy's recipient reads is marked so. */
        unverified: report.kind === 'first' && isUnverified(report.status),
        content: report.content,
        changes: labelledChanges(report.changes, locale),
        /** 涉密: who sent it, when, through which secure channel — the content itself never entered the system. */
        secureTransmission: incident.classified ? ((report.content as { secureTransmission?: unknown }).secureTransmission ?? null) : null,
        createdAt: report.createdAt.toISOString(),
        submittedAt: report.submittedAt?.toISOString() ?? null,
        /** 撤回 is offered to the submitter while nobody has acted on the report (docs/adr/0052). */
        withdrawable: report.createdById === user.id && instance?.state === 'active' && withdrawBlocker(report, trail, openTasks) === null,
        policy: report.policyCode ? { code: report.policyCode, version: report.policyVersion } : null,
        clocks: clocks.filter((c) => c.reportId === report.id).map((c) => clockView(c, now, report.status)),
        workflow: instance && {
          instanceKey: instance.key,
          bpmnProcessId: instance.bpmnProcessId,
          state: instance.state,
          /** 流程版本 vN: the version this report runs, of its jurisdiction's deployments (tenant) or the shipped default. */
          version: instance.version,
          jurisdiction: /^\d{6}$/.test(instance.tenantId) ? instance.tenantId : null,
          activeElements: instance.activeElements,
          incidents: instance.incidents.map((i) => ({ key: i.key, elementId: i.elementId, errorType: i.errorType, errorMessage: i.errorMessage, createdAt: i.createdAt })),
          openTasks: openTasks.map((t) => ({ key: t.key, elementId: t.elementId, name: t.name, kind: t.customHeaders.kind ?? null, assignee: t.assignee, candidateGroups: t.candidateGroups, dueDate: t.dueDate, createdAt: t.createdAt })),
          completedElementIds: [...new Set(completed.map((e) => (e.detail as { elementId?: string }).elementId).filter(Boolean))],
        },
        receipts: recipients
          .filter((r) => r.reportId === report.id)
          .map((r) => {
            const receipt = completed.find((e) => (e.detail as { kind?: string }).kind === receiptKind(r.role));
            return {
              role: r.role,
              unitId: r.unitId,
              unitName: units.get(r.unitId)?.name ?? r.unitId,
              receiverUnitId: r.receiverUnitId,
              receiverUnitName: units.get(r.receiverUnitId)?.name ?? r.receiverUnitId,
              dispatchedAt: r.dispatchedAt.toISOString(),
              acknowledgedAt: receipt?.at.toISOString() ?? null,
              acknowledgedBy: receipt?.actorName ?? null,
            };
          }),
      };
    }),
  );
  return {
    number: incident.number,
    title: incident.title,
    category: incident.category,
    severity: incident.severity,
    sensitive: incident.sensitive,
    classified: incident.classified,
    status: incident.status,
    /** 报送标准 (seed 003) as decided at the 首报, in the caller's language: mandatory (须报送) or voluntary, with the rule. */
    threshold: thresholdOf(incident, locale),
    reportingUnit: { id: incident.reportingUnitId, name: units.get(incident.reportingUnitId)?.name ?? incident.reportingUnitId },
    occurredAt: incident.occurredAt.toISOString(),
    learnedAt: incident.learnedAt.toISOString(),
    createdAt: incident.createdAt.toISOString(),
    closedAt: incident.closedAt?.toISOString() ?? null,
    reports,
    /** 领导批示 relayed on this incident, each named unit with its 签收, 落实情况 and 落实 clock (docs/adr/0046). */
    instructions: instructions.map((row) => instructionView(row, units, now)),
    verifications: verificationsOf(incident.reports, instances, (id) => units.get(id)?.name ?? id, deps.now()),
    notifications: notifications.map((n) => ({
      at: n.sentAt.toISOString(), kind: n.kind, reportId: n.reportId, recipientName: n.recipientName, phone: admin ? n.phone : null, status: n.status, message: n.message,
    })),
    /** Whether the trail is its unbroken hash chain (ADR 0026); if not, the first entry where it breaks and why. */
    trailIntegrity: {
      intact: chain.intact,
      entries: chain.entries,
      broken: chain.broken && { entryId: chain.broken.id, chainSeq: chain.broken.chainSeq, at: chain.broken.at.toISOString(), action: chain.broken.action, problem: chain.broken.problem },
    },
    timeline: trail.map((e) => ({ at: e.at.toISOString(), actor: e.actorName, system: e.actorId === null, action: e.action, detail: e.detail, reportId: e.reportId, ip: admin ? e.ip : null })),
  };
}
