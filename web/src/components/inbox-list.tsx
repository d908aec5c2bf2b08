import { Checkbox, Empty, Spin, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useUnitName } from '../api/queries';
import { useSession } from '../api/session';
import type { InboxItem } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { formatDateTime, useNow } from '../lib/time';
import { Countdown } from './countdown';
import { CategoryTag, ReportStatusTag, SeverityTag, TaskKindTag, UnverifiedTag } from './tags';
import { TaskActions } from './task-actions';

/** Who holds a task: "王芳（我）" when it is me, the username otherwise, or "unclaimed". */
export function Holder({ assignee, name }: { assignee: string | null; name: string | null }) {
  const { t } = useI18n();
  const { me } = useSession();
  if (!assignee) return <Typography.Text type="secondary">{t('inbox.unassigned')}</Typography.Text>;
  return <span>{assignee === me?.username ? t('inbox.heldByMe', { name: me.displayName }) : (name ?? assignee)}</span>;
}

/** Receipts (签收) take no decision: these may be selected for 批量签收. */
const RECEIPT_KINDS = new Set(['acknowledge_superior', 'acknowledge_government', 'receive_city', 'receive_city_direct', 'acknowledge_classified', 'receive_verification']);

/** One column of the inbox's table: its heading, width and what a row shows in it. */
interface Column { key: string; title: string; width?: number; render: (row: InboxItem) => ReactNode }

/**
 * The inbox on wide screens: one row per task, deadline counting down every second; receipts selectable for 批量签收.
 * A plain table: antd's Table (with the filter, sorter and pagination code it brings) was a sixth of what the inbox's
 * first load downloads, for a list that is neither sorted nor filtered in the browser (docs/adr/0064).
 */
export function InboxTable({ items, loading, selection }: { items: InboxItem[]; loading: boolean; selection?: { selected: string[]; onChange: (keys: string[]) => void } }) {
  const { t } = useI18n();
  const { me } = useSession();
  const now = useNow();
  const unitName = useUnitName();
  const columns: Column[] = [
    { title: t('inbox.col.task'), key: 'task', width: 170, render: (row) => <TaskKindTag kind={row.kind} name={row.name} /> },
    {
      title: t('inbox.col.incident'),
      key: 'incident',
      render: (row) => (
        <div>
          <Link to={`/incidents/${row.incidentNumber}`}>{row.title}</Link>
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12, marginRight: 8 }}>{row.incidentNumber}</Typography.Text>
            <SeverityTag severity={row.severity} />
            <CategoryTag category={row.category} />
            <ReportStatusTag status={row.reportStatus} />
            <UnverifiedTag unverified={row.unverified} />
          </div>
        </div>
      ),
    },
    { title: t('inbox.col.unit'), key: 'unit', width: 170, render: (row) => unitName(row.reportingUnitId) },
    { title: t('inbox.col.arrived'), key: 'arrived', width: 140, render: (row) => formatDateTime(row.createdAt) },
    { title: t('inbox.col.due'), key: 'due', width: 150, render: (row) => <Countdown due={row.dueDate} now={now} deadline={row.deadline} /> },
    { title: t('inbox.col.holder'), key: 'holder', width: 110, render: (row) => <Holder assignee={row.assignee} name={row.assigneeName} /> },
    { title: t('inbox.col.actions'), key: 'actions', width: 170, render: (row) => <TaskActions task={row} /> },
  ];
  // a receipt nobody else holds can be selected
  const selectable = (row: InboxItem) => RECEIPT_KINDS.has(row.kind ?? '') && (!row.assignee || row.assignee === me?.username);
  const selectableKeys = items.filter(selectable).map((row) => row.key);
  const chosen = new Set(selection?.selected ?? []);
  const chosenCount = selectableKeys.filter((key) => chosen.has(key)).length;
  const toggle = (key: string, on: boolean) => {
    const others = selection?.selected.filter((k) => k !== key) ?? [];
    selection?.onChange(on ? [...others, key] : others);
  };
  return (
    <Spin spinning={loading}>
      <div className="kb-table-scroll">
        <table className="kb-table">
          <thead>
            <tr>
              {selection && (
                <th className="kb-table-select">
                  <Checkbox
                    aria-label={t('batch.selectAll')}
                    checked={chosenCount > 0 && chosenCount === selectableKeys.length}
                    indeterminate={chosenCount > 0 && chosenCount < selectableKeys.length}
                    disabled={selectableKeys.length === 0}
                    onChange={(e) => selection.onChange(e.target.checked ? selectableKeys : [])}
                  />
                </th>
              )}
              {columns.map((column) => (
                <th key={column.key} style={{ width: column.width }}>{column.title}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {items.length === 0 && !loading && (
              <tr>
                <td colSpan={columns.length + (selection ? 1 : 0)}>
                  <Empty description={t('inbox.empty')} />
                </td>
              </tr>
            )}
            {items.map((row) => (
              <tr key={row.key} data-row-key={row.key} data-testid={`task-row-${row.key}`} data-kind={row.kind ?? ''} data-incident={row.incidentNumber}>
                {selection && (
                  <td className="kb-table-select">
                    <Checkbox
                      aria-label={t('batch.select', { title: row.title })}
                      data-testid={`select-${row.key}`}
                      checked={chosen.has(row.key)}
                      disabled={!selectable(row)}
                      onChange={(e) => toggle(row.key, e.target.checked)}
                    />
                  </td>
                )}
                {columns.map((column) => (
                  <td key={column.key}>{column.render(row)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Spin>
  );
}
