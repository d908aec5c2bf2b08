import { Tabs } from 'antd';
import { useSearchParams } from 'react-router';
import type { Dossier } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { useReportStatusLabel } from './tags';
import { useReportKindLabel } from './report-kind-label';
import { DossierReportPane, type DossierReport } from './dossier-report-pane';

/** Statuses a report no longer counts with, named in its tab so 首报（已退回） is told from the 首报 that replaced it. */
const SET_ASIDE = new Set(['returned', 'withdrawn', 'revoked']);

/** The tab names: 电话报告, 首报, 续报 1…n (numbered in the order filed), 终报. */
function tabNames(reports: readonly DossierReport[], kindLabel: ReturnType<typeof useReportKindLabel>): string[] {
  let followUps = 0;
  return reports.map((r) => kindLabel(r.kind, r.kind === 'follow_up' ? ++followUps : null));
}

/**
 * The dossier's reports as tabs (issue 20 capability 7), the latest open unless the address names one (`?report=`):
 * a dossier with a 首报, three 续报 and a 终报 was a 6,000-pixel stack. Only the open tab is drawn.
 */
export function DossierReportTabs({ dossier, reports }: { dossier: Dossier; reports: readonly DossierReport[] }) {
  const { paren } = useI18n();
  const kindLabel = useReportKindLabel();
  const statusLabel = useReportStatusLabel();
  const [params, setParams] = useSearchParams();
  if (reports.length === 0) return null;
  const names = tabNames(reports, kindLabel);
  const asked = params.get('report');
  const active = reports.some((r) => r.id === asked) ? asked! : reports.at(-1)!.id;
  const open = (id: string) => setParams((p) => { const next = new URLSearchParams(p); next.set('report', id); return next; }, { replace: true });
  return (
    <Tabs
      data-testid="report-tabs"
      activeKey={active}
      onChange={open}
      items={reports.map((report, i) => ({
        key: report.id,
        label: (
          <span data-testid={`report-tab-${report.kind}`}>
            {names[i]}{SET_ASIDE.has(report.status) ? paren(statusLabel(report.status)) : ''}
          </span>
        ),
        children: <DossierReportPane dossier={dossier} report={report} />,
      }))}
    />
  );
}
