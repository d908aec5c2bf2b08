import { randomUUID } from 'node:crypto';
import { dossierTitle, firstReportClockVariables, PROCESS_IDS, type FirstReport } from '@kuaibao/domain';
import type { ApiDeps } from '../deps';
import type { SessionUser } from '../auth/session-user';
import { AppError } from '../errors/app-error';

/**
 * Submits a 首报: a new incident number, the dossier with its first report, and its workflow
 * instance. If the workflow cannot start, the dossier is removed again: nothing is half-written.
 */
export async function submitFirstReport(deps: ApiDeps, user: SessionUser, report: FirstReport, ip: string | null) {
  if (!user.roles.some((r) => r === 'reporter' || r === 'duty_officer')) throw new AppError('FORBIDDEN', '只有信息员或值班员可以报送信息');
  const unit = await deps.orgUnits.get(user.unitId);
  if (!unit) throw new AppError('FORBIDDEN', 'Your account has no unit');
  if (report.reportingUnitId !== undefined && report.reportingUnitId !== user.unitId) {
    throw new AppError('VALIDATION_FAILED', '只能以本单位名义报送', [{ path: 'reportingUnitId', message: '只能以本单位名义报送' }]);
  }
  if (report.classified) throw new AppError('VALIDATION_FAILED', '涉密信息不得通过本系统报送，请经机要渠道报送', [{ path: 'classified', message: '涉密信息不得通过本系统报送' }]);
  const now = deps.now();
  const title = dossierTitle(report);
  const reportId = randomUUID();
  const incident = {
    title,
    category: report.category,
    severity: report.severity,
    sensitive: report.sensitive,
    classified: report.classified,
    reportingUnitId: unit.id,
    occurredAt: new Date(report.occurredAt),
    learnedAt: new Date(report.learnedAt),
  };
  const row = { id: reportId, kind: 'first', sequence: 0, status: 'submitting', content: report, createdById: user.id };
  const audit = { actorId: user.id, actorName: user.displayName, action: 'report.submitted', detail: { kind: 'first', unitName: unit.name }, ip, at: now };
  let number: string;
  if (report.incidentNumber) {
    number = report.incidentNumber;
    await assertFollowsPhoneReport(deps, user, number);
    await deps.incidents.addReport(number, incident, row, { ...audit, detail: { ...audit.detail, afterPhoneReport: true } });
  } else {
    number = await deps.incidents.nextNumber(unit.divisionCode, now);
    await deps.incidents.createWithReport({ number, ...incident }, row, audit);
  }
  try {
    const instance = await deps.engine.startInstance({
      bpmnProcessId: PROCESS_IDS.incidentReport,
      businessKey: number,
      variables: {
        reportId,
        incidentNumber: number,
        reportingUnitId: unit.id,
        title,
        category: report.category,
        ...firstReportClockVariables(unit.divisionCode, report),
      },
    });
    await deps.incidents.linkInstance(reportId, instance.key, 'verifying');
    return { incidentNumber: number, reportId, instanceKey: instance.key };
  } catch (error) {
    await deps.incidents.deleteUnstarted(number);
    console.error('[api] workflow start failed; submit undone', number, error);
    throw new AppError('ENGINE_UNAVAILABLE', '流程未能启动，报告未保存，请重试');
  }
}

/**
 * 先电话后书面: a written 首报 given an incident number follows a phone report into its dossier, which must be
 * the user's unit's, still open, and without a written 首报 yet.
 */
async function assertFollowsPhoneReport(deps: ApiDeps, user: SessionUser, number: string) {
  const incident = await deps.incidents.get(number);
  if (!incident || incident.reportingUnitId !== user.unitId) {
    throw new AppError('VALIDATION_FAILED', `本单位没有事件 ${number}`, [{ path: 'incidentNumber', message: `本单位没有事件 ${number}` }]);
  }
  if (incident.status !== 'open' || incident.reports.some((r) => r.kind === 'first')) {
    throw new AppError('CONFLICT', `事件 ${number} 已有首报，请报送续报`, [{ path: 'incidentNumber', message: '该事件已有首报' }]);
  }
}

/**
 * At start: a report still "submitting" was left by a crash between saving it and starting its
 * workflow. If the workflow did start, link it; otherwise undo the submit (the reporter never got
 * a success answer, so this is the same as a failed submit).
 */
export async function reconcileUnstartedSubmits(deps: Pick<ApiDeps, 'incidents' | 'engine'>, olderThan: Date): Promise<{ linked: number; undone: number }> {
  let linked = 0;
  let undone = 0;
  for (const report of await deps.incidents.unstartedReports(olderThan)) {
    const instances = await deps.engine.findInstances({ businessKey: report.incidentNumber });
    const instance = instances.find((i) => i.variables.reportId === report.id);
    if (instance) {
      await deps.incidents.linkInstance(report.id, instance.key, 'verifying');
      linked++;
    } else {
      await deps.incidents.deleteUnstarted(report.incidentNumber);
      undone++;
    }
  }
  return { linked, undone };
}
