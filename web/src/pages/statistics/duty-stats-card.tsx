import type { DutyStats } from '@kuaibao/domain';
import { Card, Empty, Table, Typography } from 'antd';
import { useDutyStats, type PeriodSelection } from '../../api/statistics';
import { useI18n } from '../../i18n/i18n';

const percent = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`);
const red = (n: number) => (n > 0 ? <Typography.Text type="danger">{n}</Typography.Text> : n);

/**
 * 值班工作统计 (docs/adr/0061) beside the incident figures: the 值班信息日报 of the units reporting their duty to the
 * reader's unit (a missed one counted against its unit) and the 落实 of the 领导批示 the unit relayed. Shown only when
 * the unit has either.
 */
export function DutyStatsCard({ selection }: { selection: PeriodSelection }) {
  const { t } = useI18n();
  const { data } = useDutyStats(selection);
  if (!data || (data.dailyReports.length === 0 && data.instructions.relayed === 0)) return null;
  return (
    <Card size="small" style={{ marginTop: 12 }} data-testid="duty-stats" title={t('duty.stats.title', { unit: data.unit.name })} extra={<Typography.Text type="secondary">{t('duty.stats.through', { day: data.through })}</Typography.Text>}>
      <Typography.Title level={5}>{t('duty.stats.daily')}</Typography.Title>
      <Table<DutyStats['dailyReports'][number]>
        size="small" rowKey="unitId" pagination={false} dataSource={data.dailyReports} data-testid="duty-stats-daily"
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('duty.stats.none')} /> }}
        columns={[
          { title: t('duty.stats.daily.unit'), dataIndex: 'unitName' },
          { title: t('duty.stats.daily.expected'), dataIndex: 'expected', align: 'right' },
          { title: t('duty.stats.daily.onTime'), dataIndex: 'onTime', align: 'right' },
          { title: t('duty.stats.daily.late'), dataIndex: 'late', align: 'right', render: red },
          { title: t('duty.stats.daily.missed'), dataIndex: 'missed', align: 'right', render: red },
          { title: t('duty.stats.daily.pending'), dataIndex: 'pending', align: 'right' },
          { title: t('duty.stats.daily.rate'), dataIndex: 'onTimeRate', align: 'right', render: percent },
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 12 }}>{t('duty.stats.instructions', { n: data.instructions.relayed })}</Typography.Title>
      <Table<DutyStats['instructions']['units'][number]>
        size="small" rowKey="unitId" pagination={false} dataSource={data.instructions.units} data-testid="duty-stats-instructions"
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('duty.stats.none')} /> }}
        columns={[
          { title: t('duty.stats.instructions.unit'), dataIndex: 'unitName' },
          { title: t('duty.stats.instructions.named'), dataIndex: 'named', align: 'right' },
          { title: t('duty.stats.instructions.met'), dataIndex: 'met', align: 'right' },
          { title: t('duty.stats.instructions.late'), dataIndex: 'late', align: 'right', render: red },
          { title: t('duty.stats.instructions.overdue'), dataIndex: 'overdue', align: 'right', render: red },
          { title: t('duty.stats.instructions.open'), dataIndex: 'open', align: 'right' },
        ]}
      />
    </Card>
  );
}
