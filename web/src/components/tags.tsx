import { Tag } from 'antd';
import { labelOf, useI18n } from '../i18n/i18n';
import { AWAITING_RECEIPT } from '../lib/report-status';

const SEVERITY_COLORS: Record<string, string> = { I: 'red', II: 'volcano', III: 'gold', IV: 'blue', ungraded: 'default' };

export function SeverityTag({ severity }: { severity: string }) {
  const { labels } = useI18n();
  return <Tag color={SEVERITY_COLORS[severity] ?? 'default'}>{labelOf(labels, 'severity', severity)}</Tag>;
}

export function CategoryTag({ category }: { category: string }) {
  const { labels } = useI18n();
  return <Tag>{labelOf(labels, 'category', category)}</Tag>;
}

export function TaskKindTag({ kind, name }: { kind: string | null; name?: string | null }) {
  const { labels } = useI18n();
  return <Tag color="geekblue">{kind ? labelOf(labels, 'userTaskKind', kind) : (name ?? '—')}</Tag>;
}

const STATUS_COLORS: Record<string, string> = { verifying: 'processing', signing: 'processing', reported: 'blue', received: 'success', concluded: 'default', revoked: 'red', returned: 'warning', [AWAITING_RECEIPT]: 'processing' };

/**
 * The label of a report's shown status: the step it has reached, from the domain's one map (核实中, 审签中, 已报出, 已签收,
 * 已办结, 已撤销), or 待签收 where a recipient has not yet acknowledged it (web/src/lib/report-status.ts).
 */
export function useReportStatusLabel(): (status: string) => string {
  const { labels, t } = useI18n();
  return (status) => (status === AWAITING_RECEIPT ? t('reportStatus.awaitingReceipt') : labelOf(labels, 'reportStatus', status));
}

export function ReportStatusTag({ status }: { status: string }) {
  const label = useReportStatusLabel();
  return <Tag color={STATUS_COLORS[status] ?? 'default'} data-testid={`report-status-${status}`}>{label(status)}</Tag>;
}

/** 未经核实 (000, the 双江 lesson): shown wherever a report not yet through 核实 is read. */
export function UnverifiedTag({ unverified }: { unverified: boolean | undefined }) {
  const { t } = useI18n();
  return unverified ? <Tag color="red" data-testid="unverified">{t('report.unverified')}</Tag> : null;
}
