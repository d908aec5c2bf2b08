import { Alert, Card, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { HTMLAttributes } from 'react';
import { useInstanceJobs, type InstanceJobRow } from '../api/trace';
import { useI18n } from '../i18n/i18n';
import { formatDateTime } from '../lib/time';

const COLOUR: Record<string, string> = { completed: 'green', failed: 'red', activated: 'processing', activatable: 'orange', error_thrown: 'volcano' };
const STATES = ['activatable', 'activated', 'failed', 'completed', 'error_thrown', 'canceled'] as const;

/** 全部作业 of one instance (Operate's jobs): each service task's job with its state, retries left and last error. */
export function InstanceJobsCard({ instanceKey }: { instanceKey: string }) {
  const { t } = useI18n();
  const jobs = useInstanceJobs(instanceKey);
  const columns: ColumnsType<InstanceJobRow> = [
    { title: t('jobs.col.element'), key: 'element', render: (_, j) => <>{j.elementName ?? j.elementId}<div><Typography.Text type="secondary" style={{ fontSize: 12 }}>{j.type}</Typography.Text></div></> },
    { title: t('jobs.col.state'), key: 'state', render: (_, j) => <Tag color={COLOUR[j.state]}>{STATES.includes(j.state as never) ? t(`jobs.state.${j.state as (typeof STATES)[number]}`) : j.state}</Tag> },
    { title: t('jobs.col.retries'), dataIndex: 'retries', align: 'right' },
    { title: t('jobs.col.error'), key: 'error', render: (_, j) => (j.errorMessage ? <Typography.Text type="danger">{j.errorMessage}</Typography.Text> : '—') },
    { title: t('jobs.col.created'), key: 'created', render: (_, j) => formatDateTime(j.createdAt) },
    { title: t('jobs.col.updated'), key: 'updated', render: (_, j) => formatDateTime(j.updatedAt) },
  ];
  return (
    <Card size="small" title={t('jobs.title')} style={{ marginBottom: 12 }} data-testid="instance-jobs">
      {jobs.error ? <Alert type="info" showIcon title={jobs.error.message} /> : (
        <Table<InstanceJobRow> rowKey="key" size="small" columns={columns} dataSource={jobs.data?.items ?? []} loading={jobs.isLoading} pagination={false} scroll={{ x: 'max-content' }}
          onRow={(j) => ({ 'data-testid': 'instance-job', 'data-element': j.elementId, 'data-state': j.state }) as HTMLAttributes<HTMLElement>} />
      )}
    </Card>
  );
}
