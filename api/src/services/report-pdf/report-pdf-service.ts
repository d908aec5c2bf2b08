import { reportDocument, reportKindSchema, reportStatusSchema, type Locale } from '@kuaibao/domain';
import type { SessionUser } from '../../auth/session-user';
import type { ApiDeps } from '../../deps';
import { AppError, bilingual } from '../../errors/app-error';
import { canSee, visibilityOf } from '../visibility';
import { cjkFonts } from './cjk-fonts';
import { renderReportPdf } from './render-report-pdf';

/** The 越级 copy goes out before 核实 and 审签 (000): the report's 报送时间 is its first delivery after sign-off. */
const UNSIGNED_COPY = 'cityDutyOfficeDirect';

/**
 * 打印 / 导出 (issue 20 capability 6, docs/adr/0042): one 首报, 续报 or 终报 as the 突发事件信息报告 document, an A4 PDF.
 * Whoever may read the dossier may export its reports, no one else (404, as the dossier). The 签发人 is the leader whose
 * 审签 approved the report (the last approval in the trail); a 涉密 report yields its placeholder only.
 */
export async function exportReportPdf(deps: ApiDeps, user: SessionUser, reportId: string, locale: Locale) {
  const report = await deps.incidents.getReport(reportId);
  if (!report || !canSee(await visibilityOf(user, deps), report.incident)) throw new AppError('NOT_FOUND', bilingual(`报告 ${reportId} 不存在`, `Report ${reportId} not found`));
  const kind = reportKindSchema.safeParse(report.kind);
  if (!kind.success) {
    throw new AppError('NOT_FOUND', bilingual('电话报告记录和核报不是书面信息报告，没有可导出的文本', 'A phone call record or a 核报 request is not a written report and has no document'));
  }
  const number = report.incidentNumber;
  const [trail, recipients, unit, dossier] = await Promise.all([
    deps.audit.forIncident(number),
    deps.incidents.recipientsOf(number),
    deps.orgUnits.get(report.incident.reportingUnitId),
    kind.data === 'follow_up' ? deps.incidents.get(number) : null,
  ]);
  const approval = trail.findLast((e) => {
    const detail = (e.detail ?? {}) as { kind?: unknown; decision?: unknown };
    return e.reportId === report.id && e.action === 'task.completed' && detail.kind === 'sign_off' && detail.decision === 'approve';
  });
  const delivered = recipients.find((r) => r.reportId === report.id && r.role !== UNSIGNED_COPY);
  const content = (report.content ?? {}) as Record<string, unknown>;
  const document = reportDocument(
    {
      kind: kind.data,
      followUpOrdinal: dossier?.reports.filter((r) => r.kind === 'follow_up' && r.sequence <= report.sequence).length,
      classified: report.incident.classified || content.classified === true,
      status: reportStatusSchema.catch('submitting').parse(report.status),
      incidentNumber: number,
      reportingUnitName: (locale === 'en' && unit?.nameEn) || unit?.name || report.incident.reportingUnitId,
      content,
      changes: Array.isArray(report.changes) ? (report.changes as { field: string }[]) : null,
      signedBy: approval ? { name: approval.actorName, at: approval.at } : null,
      reportedAt: delivered?.dispatchedAt ?? null,
      submittedAt: report.submittedAt ?? report.createdAt,
    },
    locale,
  );
  const body = await renderReportPdf(document, await cjkFonts(), locale);
  const name = `${document.title}-${number}-${document.kindLabel.replace(/[（）\s]/g, '')}.pdf`;
  return { body, name, asciiName: `kuaibao-${number.replace(/[^\w-]/g, '_')}-${kind.data}.pdf` };
}
