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
  const number = await deps.incidents.nextNumber(unit.divisionCode, now);
  const reportId = randomUUID();
  await deps.incidents.createWithReport(
    {
      number,
      title,
      category: report.category,
      severity: report.severity,
      sensitive: report.sensitive,
      classified: report.classified,
      reportingUnitId: unit.id,
      occurredAt: new Date(report.occurredAt),
      learnedAt: new Date(report.learnedAt),
    },
    { id: reportId, kind: 'first', sequence: 0, status: 'submitting', content: report, createdById: user.id },
    { actorId: user.id, actorName: user.displayName, action: 'report.submitted', detail: { kind: 'first', unitName: unit.name }, ip, at: now },
  );
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
