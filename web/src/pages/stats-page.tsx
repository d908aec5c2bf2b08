import { Alert, Button, Card, Space, Spin, Tabs, Typography } from 'antd';
import { lazy, Suspense } from 'react';
import { useSearchParams } from 'react-router';
import { useTimeliness } from '../api/queries';
import { PeriodPicker } from '../components/period-picker';
import { TimelinessCards, TimelinessTable } from '../components/timeliness-list';
import { useI18n } from '../i18n/i18n';
import { periodFromQuery } from '../lib/timeliness';
import { useScreens } from '../lib/screens';

/**
 * 报送时效统计: per reporting unit, how the statutory clocks of its 首报 ended in a period (Beijing dates, kept in the
 * address as ?from=&to=; without them the API's default, this month so far, which the picker then shows).
 */
// 定期统计 (docs/adr/0050) draws with echarts: its own chunk, loaded when the tab opens
const PeriodicStatsPanel = lazy(() => import('./statistics/periodic-stats-panel'));

/** 统计: 时效统计 (the first reports' clocks, ADR 0023) and 定期统计 (month, quarter, year), tabs kept in the address (?view=). */
export function StatsPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const view = params.get('view') === 'periodic' ? 'periodic' : 'timeliness';
  return (
    <div data-testid="stats-tabs">
      <Tabs
        activeKey={view}
        onChange={(key) => setParams(key === 'periodic' ? { view: 'periodic' } : {}, { replace: true })}
        items={[
          { key: 'timeliness', label: t('stats.tab.timeliness'), children: view === 'timeliness' && <TimelinessView /> },
          { key: 'periodic', label: t('stats.tab.periodic'), children: view === 'periodic' && <Suspense fallback={<Spin />}><PeriodicStatsPanel /></Suspense> },
        ]}
      />
    </div>
  );
}

function TimelinessView() {
  const { t, locale } = useI18n();
  const [params, setParams] = useSearchParams();
  const period = periodFromQuery(params.get('from'), params.get('to'));
  const stats = useTimeliness(period);
  const screens = useScreens();
  const shown = period ?? (stats.data && { from: stats.data.from, to: stats.data.to });
  const listProps = { stats: stats.data, loading: stats.isLoading || stats.isPlaceholderData };
  return (
    <div data-testid="stats-page">
      <div className="kb-page-title">
        <Typography.Title level={3}>{t('stats.title')}</Typography.Title>
        <Space wrap>
          <PeriodPicker value={shown} onChange={(next) => setParams({ from: next.from, to: next.to }, { replace: true })} />
          {/* the same figures as XLSX, as 定期统计 exports them (docs/adr/0042) */}
          <Button href={`/api/stats/timeliness/export?${new URLSearchParams({ ...shown, lang: locale }).toString()}`} download data-testid="timeliness-export">{t('stats.export')}</Button>
        </Space>
      </div>
      <Typography.Paragraph type="secondary">{t('stats.intro')}</Typography.Paragraph>
      {stats.error && (
        <Alert type="error" showIcon style={{ marginBottom: 12 }} title={stats.error.message} action={<Button size="small" onClick={() => void stats.refetch()}>{t('common.retry')}</Button>} />
      )}
      {!stats.error && <Card size="small">{screens.md ? <TimelinessTable {...listProps} /> : <TimelinessCards {...listProps} />}</Card>}
    </div>
  );
}
