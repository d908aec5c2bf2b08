import type { SessionUser } from '../auth/session-user';
import type { ApiDeps } from '../deps';
import { AppError, bilingual } from '../errors/app-error';
import { canSee, visibilityOf } from './visibility';

const isEngineConflict = (error: unknown) => (error as { code?: unknown } | null)?.code === 'INVALID_STATE';

/** The statuses of a report still in its unit's first step: 核实 (首报) or 审签 (续报/终报 go to the leader first). */
const WITHDRAWABLE = new Set(['submitting', 'verifying', 'signing']);
/** What counts as someone having acted on the report (then it is theirs to return, not the submitter's to withdraw). */
const ACTED = new Set(['task.claimed', 'task.completed', 'task.transferred', 'task.delegated']);

/** Why the report cannot be withdrawn now (null: it can), from its status, its trail and its open tasks. */
export function withdrawBlocker(
  report: { id: string; status: string; instanceKey: string | null },
  trail: readonly { reportId: string | null; action: string; actorName: string }[],
  openTasks: readonly { assignee: string | null }[],
): { zh: string; en: string } | null {
  if (report.status === 'withdrawn') return { zh: '该报告已撤回', en: 'the report was already withdrawn' };
  if (!WITHDRAWABLE.has(report.status) || !report.instanceKey) return { zh: '该报告已进入后续环节', en: 'the report has moved on' };
  const acted = trail.find((e) => e.reportId === report.id && ACTED.has(e.action));
  if (acted) return { zh: `${acted.actorName}已办理该报告`, en: `${acted.actorName} has acted on it` };
  if (openTasks.some((t) => t.assignee)) return { zh: '该报告已被签收办理', en: 'someone has claimed it' };
  return null;
}

/**
 * 撤回 (docs/adr/0052): the person who submitted a report takes it back until anyone has acted on it — no task of its
 * workflow claimed or completed. The workflow is canceled (no task stays open anywhere), the report becomes
 * 已撤回, a withdrawn 首报 closes its dossier, the trail records it with the reason, and whoever already received
 * something of it (the 越级 copy's duty office) is told in 抄送我的 — all in the cancel's one step.
 */
export async function withdrawReport(deps: ApiDeps, user: SessionUser, reportId: string, reason: string, ip: string | null) {
  const report = await deps.incidents.getReport(reportId);
  const notFound = new AppError('NOT_FOUND', bilingual(`报告 ${reportId} 不存在`, `Report ${reportId} not found`));
  if (!report || !canSee(await visibilityOf(user, deps), report.incident)) throw notFound;
  if (report.createdById !== user.id) throw new AppError('FORBIDDEN', bilingual('只有报告的提交人可以撤回', 'Only the person who submitted the report may withdraw it'));
  const trail = await deps.audit.forIncident(report.incidentNumber);
  const open = report.instanceKey ? await deps.engine.searchUserTasks({ instanceKey: report.instanceKey, state: 'created' }) : [];
  const blocker = withdrawBlocker(report, trail, open);
  const conflict = (text: { zh: string; en: string }) => new AppError('CONFLICT', bilingual(`不能撤回：${text.zh}`, `Cannot withdraw: ${text.en}`), [], { status: report.status });
  if (blocker) throw conflict(blocker);
  const instance = report.instanceKey ? await deps.engine.getInstance(report.instanceKey) : null;
  if (!instance || instance.state !== 'active') throw conflict({ zh: '该报告的流程已结束', en: 'its workflow has ended' });

  const at = deps.now();
  const deliveries = (await deps.incidents.recipientsOf(report.incidentNumber)).filter((r) => r.reportId === report.id);
  const units = [...new Set(deliveries.map((d) => d.receiverUnitId))];
  const told = (await Promise.all(units.map((unitId) => deps.users.withRole(unitId, 'duty_officer')))).flat();
  const message = `【快报撤回】事件 ${report.incidentNumber}「${report.incident.title}」的报告已由${user.displayName}撤回，此前收到的报告作废。撤回理由：${reason}`;
  // One step (docs/adr/0041, 0060): the cancel and the report's 已撤回, the dossier's closing, the trail's entry and the
  // in-app notices to whoever received something of it commit together on the embedded engine, or none does; on Zeebe
  // the writes go first with the pending cancel (ADR 0027).
  const writes = deps.stepWrites(async ({ incidents, audit, notifications }) => {
    // still where the checks found it, read under the instance's lock: else the flow moved on and the cancel rolls back
    if (!(await incidents.advanceReportStatus(report.id, report.status, 'withdrawn'))) throw conflict({ zh: '该报告已进入后续环节', en: 'the report has moved on' });
    if (report.kind === 'first') await incidents.closeIncident(report.incidentNumber, at);
    await audit.append({
      incidentNumber: report.incidentNumber, reportId: report.id, actorId: user.id, actorName: user.displayName, action: 'report.recalled', ip, at,
      detail: { reason, reportKind: report.kind, canceledTasks: open.map((t) => ({ taskKey: t.key, name: t.name })), notifiedUnitIds: units },
      dedupeKey: `report:${report.id}:recalled`,
    });
    for (const person of told) {
      await notifications.record({
        incidentNumber: report.incidentNumber, reportId: report.id, kind: 'withdrawn', recipientId: person.id, recipientName: person.displayName, phone: person.phone,
        message, status: 'in_app', gatewayRef: null, dedupeKey: `withdrawn:${report.id}:${person.id}`, sentAt: at,
      });
    }
  });
  try {
    await deps.engine.cancelInstance(instance.key, { writes });
  } catch (error) {
    // the flow moved on (or ended) between the checks above and the cancel: nothing was written
    if (isEngineConflict(error)) throw conflict({ zh: '该报告的流程已结束', en: 'its workflow has ended' });
    throw error;
  }
  for (const task of open) deps.events.publish({ type: 'task.ended', taskKey: task.key, assignee: null, audience: { groups: task.candidateGroups, users: task.candidateUsers } });
  return { status: 'withdrawn' as const };
}
