import { Table, Typography } from 'antd';
import type { ReportChange } from '../api/types';
import { labelOf, useI18n, type I18n } from '../i18n/i18n';
import { formatDateTime } from '../lib/time';

const INSTANT = /^\d{4}-\d{2}-\d{2}T/;

/** A changed value as users read it: enum labels, local times, yes/no, and "—" for nothing. */
function display(change: ReportChange, value: unknown, { t, labels }: Pick<I18n, 't' | 'labels'>): string {
  if (value === null || value === undefined || value === '') return '—';
  if (change.field === 'severity') return labelOf(labels, 'severity', String(value));
  if (change.field === 'category') return labelOf(labels, 'category', String(value));
  if (typeof value === 'boolean') return t(value ? 'common.yes' : 'common.no');
  if (typeof value === 'string' && INSTANT.test(value)) return formatDateTime(value);
  if (typeof value === 'number') return value.toLocaleString();
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** The top-level elements a difference touches (`casualties.dead` → `casualties`), for ReportView's highlight. */
export const changedElementsOf = (changes: ReportChange[] | null | undefined): string[] => [...new Set((changes ?? []).map((c) => c.field.split('.')[0]!))];

/** 续报/终报: what differs from the previous report of the dossier (element, before, now). */
export function ReportChanges({ changes }: { changes: ReportChange[] }) {
  const i18n = useI18n();
  const { t } = i18n;
  return (
    <div data-testid="report-changes">
      <Typography.Text strong>{t('dossier.changes')}</Typography.Text>
      <Table
        size="small"
        pagination={false}
        rowKey="field"
        style={{ marginTop: 8 }}
        dataSource={changes}
        columns={[
          { key: 'label', title: t('dossier.change.field'), dataIndex: 'label', width: '24%' },
          { key: 'before', title: t('dossier.change.before'), render: (_, c) => <Typography.Text type="secondary" delete={c.before !== null}>{display(c, c.before, i18n)}</Typography.Text> },
          { key: 'after', title: t('dossier.change.after'), render: (_, c) => <span className="kb-pre" data-testid={`change-${c.field}`}>{display(c, c.after, i18n)}</span> },
        ]}
      />
    </div>
  );
}
