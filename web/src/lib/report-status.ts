/** The status shown for a report a recipient has not yet acknowledged (not one of the API's steps). */
export const AWAITING_RECEIPT = 'awaitingReceipt';

/** A report of the dossier, as far as its shown status goes. */
export interface ReportForStatus {
  kind: string;
  status: string;
  receipts: readonly { acknowledgedAt: string | null }[];
}

/**
 * The status a report shows its step as the API says, except that
 * a report some recipient has not yet acknowledged is 待签收 (`awaitingReceipt`), as its receipt card says; a phone
 * report's header said 已签收 while its card said 待签收.
 */
export function shownStatus(report: ReportForStatus): string {
  if (report.status === 'received' && report.receipts.some((r) => !r.acknowledgedAt)) return AWAITING_RECEIPT;
  return report.status;
}

/**
 * The dossier header's status line: each report named by its kind (续报 numbered), with its shown status, so a
 * closed dossier reads 首报 已签收；续报1 已签收；终报 已签收, not 已签收，已签收，已签收.
 */
export function statusLine(reports: readonly ReportForStatus[], kindLabel: (kind: string) => string, statusLabel: (status: string) => string): string[] {
  let followUps = 0;
  return reports.map((report) => {
    const name = report.kind === 'follow_up' ? `${kindLabel(report.kind)}${++followUps}` : kindLabel(report.kind);
    return `${name} ${statusLabel(shownStatus(report))}`;
  });
}
