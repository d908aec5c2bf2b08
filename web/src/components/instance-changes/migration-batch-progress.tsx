import type { MigrationBatchView } from '@kuaibao/domain';
import { Alert, App, Button, Descriptions, List, Progress, Space, Tag } from 'antd';
import { useCancelMigrationBatch, useMigrationBatch } from '../../api/instance-changes';
import { useI18n } from '../../i18n/i18n';
import { problemMessage } from '../../lib/form-errors';

const STATE_COLOR: Record<MigrationBatchView['state'], string> = { running: 'processing', finished: 'success', cancelled: 'default' };

/** 批量迁移's progress (docs/adr/0062): how many moved (or would move), which failed and why; cancel while it runs. */
export function MigrationBatchProgress({ id }: { id: string }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const batch = useMigrationBatch(id);
  const cancel = useCancelMigrationBatch();
  if (batch.error) return <Alert type="error" showIcon title={batch.error.message} />;
  const b = batch.data;
  if (!b) return null;
  const done = b.moved + b.failed;
  return (
    <div data-testid="migration-batch" data-state={b.state} style={{ marginBottom: 12 }}>
      <Space style={{ marginBottom: 8 }}>
        <Tag color={STATE_COLOR[b.state]} data-testid="migration-batch-state">{t(`change.batch.state.${b.state}`)}</Tag>
        {b.dryRun && <Tag>{t('change.migrate.dryRun')}</Tag>}
        {b.state === 'running' && (
          <Button size="small" danger data-testid="migration-batch-cancel" loading={cancel.isPending}
            onClick={() => cancel.mutate(id, { onError: (error) => void message.error(problemMessage(error, locale)) })}>{t('change.batch.cancel')}</Button>
        )}
      </Space>
      <Progress percent={b.total ? Math.round((done / b.total) * 100) : 100} status={b.state === 'running' ? 'active' : b.failed > 0 ? 'exception' : 'success'} />
      <Descriptions size="small" column={3} data-testid="migration-batch-counts"
        items={[
          { key: 'total', label: t('change.batch.total'), children: b.total },
          { key: 'moved', label: t(b.dryRun ? 'change.batch.wouldMove' : 'change.batch.moved'), children: <span data-testid="migration-batch-moved">{b.moved}</span> },
          { key: 'failed', label: t('change.batch.failed'), children: <span data-testid="migration-batch-failed">{b.failed}</span> },
        ]} />
      {b.failures.length > 0 && (
        <List size="small" header={t('change.migrate.cannot')} data-testid="migration-batch-failures" dataSource={b.failures}
          renderItem={(f) => (
            <List.Item>{`${f.incidentNumber ?? f.instanceKey}：${f.detail ?? f.refusals.map((r) => r.message).join('；')}`}</List.Item>
          )} />
      )}
    </div>
  );
}
