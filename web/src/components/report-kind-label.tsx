import { labelOf, useI18n } from '../i18n/i18n';

/** 首报, 续报 n, 终报, 电话报告 or 核报: what kind of report a row is about. */
export function useReportKindLabel() {
  const { t, labels } = useI18n();
  return (kind: string | null | undefined, sequence?: number | null) => {
    if (!kind) return '—';
    if (kind === 'phone') return t('reportKind.phone');
    if (kind === 'verification') return t('reportKind.verification');
    const label = labelOf(labels, 'reportKind', kind);
    return kind === 'follow_up' && sequence ? `${label} ${sequence}` : label;
  };
}
