import { Card, Empty, List, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { HTMLAttributes } from 'react';
import { Link } from 'react-router';
import type { InstanceIncident, MonitoredInstance } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { formatDateTime, formatElapsed, useNow } from '../lib/time';
import { InstanceIncidents } from './instance-incidents';
import { WaitingSteps } from './waiting-steps';

interface InstanceListProps {
  items: MonitoredInstance[];
  loading: boolean;
  empty: string;
  onRetry: (incident: InstanceIncident) => void;
}

/** What a row or card carries for tests and tools: the instance and its dossier. */
const rowData = (row: MonitoredInstance) => ({ 'data-testid': 'instance-row', 'data-instance': row.instanceKey, 'data-incident': row.incidentNumber ?? '' });

/** The monitor on wide screens: one row per instance; how long it waits, recomputed every 30 s. */
export function InstanceTable({ items, loading, empty, onRetry }: InstanceListProps) {
  const { t } = useI18n();
  const now = useNow(30_000);
  const columns: ColumnsType<MonitoredInstance> = [
    { title: t('monitor.col.incident'), key: 'incident', render: (_, row) => <IncidentCell row={row} /> },
    { title: t('monitor.col.process'), key: 'process', width: 170, responsive: ['lg'], render: (_, row) => <ProcessCell row={row} /> },
    { title: t('monitor.col.waiting'), key: 'waiting', render: (_, row) => <WaitingSteps waiting={row.waiting} /> },
    { title: t('monitor.col.duration'), key: 'duration', width: 160, render: (_, row) => <WaitingFor since={row.waitingSince} now={now} /> },
    { title: t('monitor.col.incidents'), key: 'incidents', width: 300, render: (_, row) => <InstanceIncidents incidents={row.incidents} onRetry={onRetry} /> },
  ];
  return (
    <Table<MonitoredInstance>
      rowKey="instanceKey"
      size="middle"
      columns={columns}
      dataSource={items}
      loading={loading}
      pagination={false}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: <Empty description={empty} /> }}
      onRow={(row) => rowData(row) as HTMLAttributes<HTMLElement>}
    />
  );
}

/** The monitor on phones: one card per instance. */
export function InstanceCards({ items, loading, empty, onRetry }: InstanceListProps) {
  const now = useNow(30_000);
  return (
    <List<MonitoredInstance>
      loading={loading}
      dataSource={items}
      locale={{ emptyText: <Empty description={empty} /> }}
      renderItem={(row) => (
        <Card size="small" className="kb-mobile-task" {...rowData(row)}>
          <IncidentCell row={row} />
          <div className="kb-mobile-meta">
            <ProcessCell row={row} />
            <WaitingFor since={row.waitingSince} now={now} />
          </div>
          <WaitingSteps waiting={row.waiting} />
          {row.incidents.length > 0 && <div style={{ marginTop: 8 }}><InstanceIncidents incidents={row.incidents} onRetry={onRetry} /></div>}
        </Card>
      )}
    />
  );
}

/** The dossier number (a link to it) and the incident's title. */
function IncidentCell({ row }: { row: MonitoredInstance }) {
  const { t } = useI18n();
  return (
    <div>
      {row.incidentNumber ? <Link to={`/incidents/${row.incidentNumber}`} data-testid="instance-incident">{row.incidentNumber}</Link> : t('common.none')}
      {row.title && <div>{row.title}</div>}
    </div>
  );
}

function ProcessCell({ row }: { row: MonitoredInstance }) {
  const { t } = useI18n();
  return (
    <span>
      {row.processName ?? row.bpmnProcessId} <Typography.Text type="secondary">{t('monitor.version', { version: row.version })}</Typography.Text>
    </span>
  );
}

/** How long it has waited, and since when (Beijing time). */
function WaitingFor({ since, now }: { since: string; now: number }) {
  const { t, locale } = useI18n();
  return (
    <div data-testid="waiting-for">
      <div className="kb-countdown">{formatElapsed(now - Date.parse(since), locale)}</div>
      <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>{t('monitor.since', { at: formatDateTime(since) })}</Typography.Text>
    </div>
  );
}
