import type { IncidentWithReports } from '@kuaibao/db';
import { REPORT_KINDS, type LaterReportKind, type ReportStatus } from '@kuaibao/domain';
import { AppError, bilingual } from '../errors/app-error';

type StoredReport = IncidentWithReports['reports'][number];

/** The dossier's 首报, 续报 and 终报 in order (a dossier also holds 核报 requests and phone reports). */
const reportsOf = (dossier: IncidentWithReports) => dossier.reports.filter((r) => (REPORT_KINDS as readonly string[]).includes(r.kind));

/** Statuses of a report that has passed its unit's sign-off and is on its way (or delivered). */
const SIGNED_OFF = new Set<string>(['reported', 'received', 'concluded'] satisfies ReportStatus[]);
/** Statuses of a 续报/终报 still waiting for its unit's sign-off. */
const AWAITING_SIGN_OFF = new Set(['submitting', 'signing']);

/**
 * When a 续报 or 终报 may be filed (ADR 0010): the incident is open; a classified one takes only the placeholder 终报; its 首报 has been
 * signed off (delivery and receipts may still be under way — recipients get each report in its own flow);
 * no earlier 续报/终报 still awaits sign-off (its content is the base of the next one's difference, and a
 * leader may still return it); and there is no 终报 yet, unless it was returned. Throws CONFLICT otherwise.
 */
export function assertLaterReportAllowed(dossier: IncidentWithReports, kind: LaterReportKind, classifiedPlaceholder = false): void {
  if (dossier.status === 'closed') throw new AppError('CONFLICT', bilingual('事件已终结，不能再续报或终报', 'The incident is closed: no more follow-up or final reports'));
  // 涉密 (ADR 0031): a classified incident takes only the placeholder 终报 (its content went through the secure channel)
  if (dossier.classified && !classifiedPlaceholder) {
    throw new AppError('CONFLICT', bilingual('涉密事件的续报、终报须经机要渠道报送，本系统只登记终报的机要报送（classified: true）', 'Follow-up and final reports of a classified incident go through the secure channel: record only the final report’s secure transmission (classified: true)'));
  }
  if (!dossier.classified && classifiedPlaceholder) throw new AppError('CONFLICT', bilingual('本事件不涉密，终报须写明内容', 'This incident is not classified: the final report carries its content'));
  const reports = reportsOf(dossier);
  const first = reports.find((r) => r.kind === 'first');
  if (!first || !SIGNED_OFF.has(first.status)) throw new AppError('CONFLICT', bilingual('首报尚未经单位领导审签报出，请待首报报出后再续报', 'The first report has not been signed off and sent yet: report again once it has'));
  const later = reports.filter((r) => r.kind !== 'first');
  if (later.some((r) => AWAITING_SIGN_OFF.has(r.status))) throw new AppError('CONFLICT', bilingual('上一份续报或终报尚在审签中，请待审签后再报', 'The previous follow-up or final report awaits sign-off: report again once it is signed off'));
  if (later.some((r) => r.kind === 'final' && r.status !== 'returned')) {
    throw new AppError('CONFLICT', kind === 'final' ? bilingual('本事件已有终报，不能重复终报', 'This incident already has a final report') : bilingual('本事件已报终报，不能再续报', 'This incident has had its final report: no more follow-ups'));
  }
}

/** The report a new one is compared with: the last one in the dossier that was not returned. */
export function previousReport(dossier: IncidentWithReports): StoredReport {
  const base = reportsOf(dossier).filter((r) => r.status !== 'returned').at(-1);
  if (!base) throw new AppError('CONFLICT', bilingual('事件没有可续报的报告', 'The incident has no report to follow up'));
  return base;
}
