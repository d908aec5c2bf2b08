import { TIMELINESS_MAX_DAYS } from '@kuaibao/domain';
import dayjs, { type Dayjs } from 'dayjs';
import { useI18n } from '../i18n/i18n';
import { beijingWall } from '../lib/time';
import { periodPresets, type Period } from '../lib/timeliness';
import { BeijingDatePicker } from './beijing-date-picker';

const DATE = 'YYYY-MM-DD';
const range = (period: Period): [Dayjs, Dayjs] => [dayjs(period.from), dayjs(period.to)];

/**
 * A statistics period of Beijing calendar dates (its today is Beijing's): up to today, at most TIMELINESS_MAX_DAYS long,
 * with this month, last month and this year as shortcuts. Shows nothing until it has a value (the API's default).
 */
export function PeriodPicker({ value, onChange }: { value: Period | undefined; onChange: (period: Period) => void }) {
  const { t } = useI18n();
  const today = beijingWall(Date.now()).format(DATE);
  const presets = periodPresets(today);
  const outside = (date: Dayjs, from: Dayjs | undefined) =>
    date.format(DATE) > today || (!!from && Math.abs(date.startOf('day').diff(from.startOf('day'), 'day')) >= TIMELINESS_MAX_DAYS);
  return (
    <BeijingDatePicker.RangePicker
      data-testid="stats-period"
      aria-label={t('stats.period')}
      value={value ? range(value) : null}
      allowClear={false}
      classNames={{ popup: { root: 'kb-period-popup' } }}
      renderExtraFooter={() => t('stats.maxRange', { n: TIMELINESS_MAX_DAYS })}
      disabledDate={(date, { from }) => outside(date, from)}
      presets={[
        { label: t('stats.preset.thisMonth'), value: range(presets.thisMonth) },
        { label: t('stats.preset.lastMonth'), value: range(presets.lastMonth) },
        { label: t('stats.preset.thisYear'), value: range(presets.thisYear) },
      ]}
      onChange={(dates) => {
        if (dates?.[0] && dates[1]) onChange({ from: dates[0].format(DATE), to: dates[1].format(DATE) });
      }}
    />
  );
}
