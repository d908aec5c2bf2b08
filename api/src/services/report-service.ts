import { processTenant } from './process-tenant';
import { randomUUID } from 'node:crypto';
import {
  DomainError, dossierTitle, firstReportClockVariables, PROCESS_IDS, REPORT_STATUS_ONCE_STARTED, reportingThreshold, reportStatusOnceStarted, secureRecipientOf,
  type FirstReport, type Locale, type ReportProcessId,
} from '@kuaibao/domain';
import type { Variables } from '@kuaibao/engine';
import { toOrgUnit } from '@kuaibao/worker';
import type { ApiDeps } from '../deps';
import type { SessionUser } from '../auth/session-user';
import { AppError, bilingual, invalidField } from '../errors/app-error';

/**
 * Submits a 首报: a new incident number, the dossier with its first report, and its workflow
 * instance. If the workflow cannot start, the dossier is removed again: nothing is half-written.
 * A classified (涉密) report is only a placeholder — the schema refused every content field — and
 * starts classified-report.bpmn instead of the ordinary flow (ADR 0011).
 * Whether the incident met the reporting threshold (seed 003, `reportingThreshold`) is decided here, stored on the
 * dossier and answered: a report below every threshold is accepted and marked voluntary (ADR 0030).
 */
export async function submitFirstReport(deps: ApiDeps, user: SessionUser, report: FirstReport, ip: string | null, locale: Locale = 'zh-CN') {
  if (!user.roles.some((r) => r === 'reporter' || r === 'duty_officer')) throw new AppError('FORBIDDEN', bilingual('只有信息员或值班员可以报送信息', 'Only reporters and duty officers may submit reports'));
  const unit = await deps.orgUnits.get(user.unitId);
  if (!unit) throw new AppError('FORBIDDEN', bilingual('您的账号没有所属单位', 'Your account has no unit'));
  if (report.reportingUnitId !== undefined && report.reportingUnitId !== user.unitId) {
    throw invalidField('reportingUnitId', bilingual('只能以本单位名义报送', 'You may report only in your own unit’s name'));
  }
  const now = deps.now();
  const title = dossierTitle(report);
  const secureRecipientUnitId = report.classified ? await checkSecureRecipient(deps, unit.id, report.secureTransmission.recipientUnitId) : undefined;
  const reportId = randomUUID();
  const threshold = reportingThreshold(report);
  const incident = {
    title,
    category: report.category,
    severity: report.severity,
    sensitive: report.sensitive,
    classified: report.classified,
    reportingUnitId: unit.id,
    occurredAt: new Date(report.occurredAt),
    learnedAt: new Date(report.learnedAt),
    reportingRequired: threshold.required,
    reportingThreshold: threshold,
  };
  const row = { id: reportId, kind: 'first', sequence: 0, status: 'submitting', content: report, createdById: user.id };
  const detail = { kind: 'first', unitName: unit.name, reportingRequired: threshold.required, ...(report.classified && { classified: true, secureChannel: report.secureTransmission.channel }) };
  const audit = { actorId: user.id, actorName: user.displayName, action: 'report.submitted', detail, ip, at: now };
  let number: string;
  if (report.incidentNumber) {
    number = report.incidentNumber;
    await assertFollowsPhoneReport(deps, user, number);
    await deps.incidents.addWrittenAfterPhone(number, incident, row, { ...audit, detail: { ...detail, afterPhoneReport: true } });
  } else {
    ({ number } = await deps.incidents.openDossier({ divisionCode: unit.divisionCode, at: now }, incident, row, audit));
  }
  const common = { reportId, incidentNumber: number, reportingUnitId: unit.id, category: report.category, severity: report.severity, sensitive: report.sensitive, mayEscalate: report.mayEscalate };
  // 涉密: its own flow (placeholder + acknowledgement), and no content in the variables — there is none to carry.
  const start: { bpmnProcessId: ReportProcessId; variables: Variables } = report.classified
    ? { bpmnProcessId: PROCESS_IDS.classifiedReport, variables: { ...common, title, secureRecipientUnitId: secureRecipientUnitId ?? null, ...firstReportClockVariables(unit.divisionCode, report) } }
    : { bpmnProcessId: PROCESS_IDS.incidentReport, variables: { ...common, title, ...firstReportClockVariables(unit.divisionCode, report) } };
  try {
    const tenant = await processTenant(deps, start.bpmnProcessId, unit.divisionCode);
    const instance = await deps.engine.startInstance({ bpmnProcessId: start.bpmnProcessId, businessKey: number, variables: start.variables, ...tenant });
    await deps.incidents.linkInstance(reportId, instance.key, REPORT_STATUS_ONCE_STARTED[start.bpmnProcessId]);
    return { incidentNumber: number, reportId, instanceKey: instance.key, threshold: locale === 'zh-CN' ? threshold : reportingThreshold(report, locale) };
  } catch (error) {
    await deps.incidents.deleteUnstarted(number);
    console.error('[api] workflow start failed; submit undone', number, error);
    throw new AppError('ENGINE_UNAVAILABLE', bilingual('流程未能启动，报告未保存，请重试', 'The workflow did not start; the report was not saved. Try again'));
  }
}

/**
 * A classified report is acknowledged by the duty office the sender named, else by the city duty office:
 * refuse it now (400 with the field path) rather than leave a workflow that cannot find its recipient.
 */
async function checkSecureRecipient(deps: ApiDeps, reportingUnitId: string, namedUnitId: string | undefined): Promise<string> {
  try {
    return secureRecipientOf((await deps.orgUnits.all()).map(toOrgUnit), reportingUnitId, namedUnitId).id;
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    const message = namedUnitId
      ? bilingual('接收单位须为值班室（总值班室）', 'The receiving unit must be a duty office')
      : bilingual('无法确定接收单位，请填写接收单位（值班室）', 'The receiving unit cannot be determined: name the duty office');
    throw invalidField('secureTransmission.recipientUnitId', message);
  }
}

/**
 * 先电话后书面: a written 首报 given an incident number follows a phone report into its dossier, which must be
 * the user's unit's, still open, and without a written 首报 yet.
 */
async function assertFollowsPhoneReport(deps: ApiDeps, user: SessionUser, number: string) {
  const incident = await deps.incidents.get(number);
  if (!incident || incident.reportingUnitId !== user.unitId) {
    throw invalidField('incidentNumber', bilingual(`本单位没有事件 ${number}`, `Your unit has no incident ${number}`));
  }
  if (incident.status !== 'open' || incident.reports.some((r) => r.kind === 'first')) {
    throw new AppError('CONFLICT', bilingual(`事件 ${number} 已有首报，请报送续报`, `Incident ${number} already has a first report: send a follow-up`), [{ path: 'incidentNumber', message: bilingual('该事件已有首报', 'The incident already has a first report') }]);
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
    // Only a report process's instance is the report's workflow; another process's carrying the id (none of
    // kuaibao's do) did not start it.
    const started = instances.flatMap((i) => {
      const status = reportStatusOnceStarted(i.bpmnProcessId);
      return i.variables.reportId === report.id && status ? [{ key: i.key, status }] : [];
    })[0];
    const first = report.kind === 'first';
    if (started) {
      await deps.incidents.linkInstance(report.id, started.key, started.status);
      linked++;
    } else {
      // A 首报 takes its new dossier with it; a 续报/终报 or 核报 request only itself (the dossier and its trail stay).
      await (first ? deps.incidents.deleteUnstarted(report.incidentNumber) : deps.incidents.deleteUnstartedReport(report.id));
      undone++;
    }
  }
  return { linked, undone };
}
