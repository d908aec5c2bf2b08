import { holidayDays } from '@kuaibao/domain';
import { Alert, Empty, Select, Space, Spin, Typography } from 'antd';
import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { useSession } from '../api/session';
import { useHolidayDay, useHolidays } from '../api/statistics';
import { useI18n } from '../i18n/i18n';
import { beijingWall, formatDateTime } from '../lib/time';
import { HolidayReturnForm } from './statistics/holiday-return-form';
import { HolidaySummary } from './statistics/holiday-summary';

/**
 * 节假日期间日信息统计 (seed 004, docs/adr/0049): pick a holiday and a day (kept in the address); a filing unit fills in
 * its return, the collecting unit and the province read every unit's and the city total, and the collector sends the
 * summary.
 */
export function HolidaysPage({ embedded = false }: { embedded?: boolean }) {
  const { t } = useI18n();
  const { me } = useSession();
  const [params, setParams] = useSearchParams();
  const holidays = useHolidays();
  const today = beijingWall(Date.now()).format('YYYY-MM-DD');
  const items = holidays.data?.items ?? [];
  const holiday = items.find((h) => h.id === params.get('holiday')) ?? items.find((h) => h.firstDay <= today && today <= h.lastDay) ?? items[0];
  const days = useMemo(() => (holiday ? holidayDays(holiday) : []), [holiday]);
  const day = days.find((d) => d === params.get('day')) ?? (days.includes(today) ? today : days[0]);
  const data = useHolidayDay(holiday?.id, day);
  const defaults = useMemo(() => ({ filledBy: me?.displayName ?? '', phone: '' }), [me?.displayName]);
  const own = data.data?.units.find((u) => u.unitId === holiday?.filerUnitId);

  return (
    <div data-testid="holidays-page">
      <div className="kb-page-title">
        {embedded ? <span /> : <Typography.Title level={3}>{t('holidays.title')}</Typography.Title>}
        <Space wrap>
          <Select aria-label={t('holidays.holiday')} data-testid="holiday-select" style={{ minWidth: 160 }} value={holiday?.id} onChange={(id: string) => setParams({ holiday: id }, { replace: true })} options={items.map((h) => ({ value: h.id, label: h.name }))} />
          <Select aria-label={t('holidays.day')} data-testid="holiday-day" style={{ minWidth: 140 }} value={day} onChange={(d: string) => setParams({ holiday: holiday!.id, day: d }, { replace: true })} options={days.map((d) => ({ value: d, label: d }))} />
        </Space>
      </div>
      <Typography.Paragraph type="secondary">{t('holidays.intro')}</Typography.Paragraph>
      {holidays.isLoading && <Spin />}
      {!holidays.isLoading && items.length === 0 && <Empty description={t('holidays.none')} />}
      {data.error && <Alert type="error" showIcon title={data.error.message} />}
      {data.data && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Text type="secondary">
            {t('holidays.returnDue', { time: formatDateTime(data.data.returnDue) })}{'\u3000'}{t('holidays.summaryDue', { time: formatDateTime(data.data.summaryDue) })}
          </Typography.Text>
          {own && holiday && <HolidayReturnForm holidayId={holiday.id} day={data.data.day} row={own} defaults={defaults} />}
          {holiday?.reader && <HolidaySummary data={data.data} collector={holiday.collector} />}
        </Space>
      )}
    </div>
  );
}
