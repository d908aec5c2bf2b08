import { Card, Empty, List, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { HTMLAttributes } from 'react';
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

/** The inbox on wide screens: one row per task, deadline counting down every second; receipts selectable for 批量签收. */
export function InboxTable({ items, loading, selection }: { items: InboxItem[]; loading: boolean; selection?: { selected: string[]; onChange: (keys: string[]) => void } }) {
  const { t } = useI18n();
  const { me } = useSession();
  const now = useNow();
  const unitName = useUnitName();
  const columns: ColumnsType<InboxItem> = [
    { title: t('inbox.col.task'), key: 'task', width: 170, render: (_, row) => <TaskKindTag kind={row.kind} name={row.name} /> },
    {
      title: t('inbox.col.incident'),
      key: 'incident',
      render: (_, row) => (
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
    { title: t('inbox.col.unit'), key: 'unit', width: 170, render: (_, row) => unitName(row.reportingUnitId) },
    { title: t('inbox.col.arrived'), key: 'arrived', width: 140, render: (_, row) => formatDateTime(row.createdAt) },
    { title: t('inbox.col.due'), key: 'due', width: 150, render: (_, row) => <Countdown due={row.dueDate} now={now} deadline={row.deadline} /> },
    { title: t('inbox.col.holder'), key: 'holder', width: 110, render: (_, row) => <Holder assignee={row.assignee} name={row.assigneeName} /> },
    { title: t('inbox.col.actions'), key: 'actions', width: 170, render: (_, row) => <TaskActions task={row} /> },
  ];
  return (
    <Table<InboxItem>
      rowKey="key"
      size="middle"
      columns={columns}
      dataSource={items}
      loading={loading}
      pagination={false}
      {...(selection && {
        rowSelection: {
          selectedRowKeys: selection.selected,
          onChange: (keys) => selection.onChange(keys.map(String)),
          getCheckboxProps: (row: InboxItem) => ({
            disabled: !RECEIPT_KINDS.has(row.kind ?? '') || (!!row.assignee && row.assignee !== me?.username),
            'aria-label': t('batch.select', { title: row.title }),
            'data-testid': `select-${row.key}`,
          }),
        },
      })}
      locale={{ emptyText: <Empty description={t('inbox.empty')} /> }}
      onRow={(row) => ({ 'data-testid': `task-row-${row.key}`, 'data-kind': row.kind ?? '', 'data-incident': row.incidentNumber }) as HTMLAttributes<HTMLElement>}
    />
  );
}

/** The inbox on phones: one card per task. */
export function InboxCards({ items, loading }: { items: InboxItem[]; loading: boolean }) {
  const { t } = useI18n();
  const now = useNow();
  const unitName = useUnitName();
  return (
    <List<InboxItem>
      loading={loading}
      dataSource={items}
      locale={{ emptyText: <Empty description={t('inbox.empty')} /> }}
      renderItem={(row) => (
        <Card size="small" className="kb-mobile-task" data-testid={`task-row-${row.key}`} data-kind={row.kind ?? ''} data-incident={row.incidentNumber}>
          <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }}>
            <TaskKindTag kind={row.kind} name={row.name} />
            <Countdown due={row.dueDate} now={now} deadline={row.deadline} />
          </div>
          <div style={{ marginTop: 6 }}>
            <Link to={`/incidents/${row.incidentNumber}`}>{row.title}</Link>
          </div>
          <div className="kb-mobile-meta">
            <span>{row.incidentNumber}</span>
            <span>{unitName(row.reportingUnitId)}</span>
            <span>{formatDateTime(row.createdAt)}</span>
            <Holder assignee={row.assignee} name={row.assigneeName} />
          </div>
          <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
            <span>
              <SeverityTag severity={row.severity} />
              <CategoryTag category={row.category} />
              <ReportStatusTag status={row.reportStatus} />
              <UnverifiedTag unverified={row.unverified} />
            </span>
            <TaskActions task={row} />
          </div>
        </Card>
      )}
    />
  );
}
