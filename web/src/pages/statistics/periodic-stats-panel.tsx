import type { PeriodicStats } from '@kuaibao/domain';
import { Alert, Button, Card, Col, Empty, Row, Select, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { periodQuery, usePeriodicStats, type PeriodSelection } from '../../api/statistics';
import { useI18n } from '../../i18n/i18n';
import { beijingWall } from '../../lib/time';
import { DutyStatsCard } from './duty-stats-card';
import { FigureChart, type Figure } from './figure-chart';

type UnitRow = PeriodicStats['units'][number];
const percent = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`);

/** The period from the address (?period=&year=&month=&quarter=), this month by default (Beijing). */
function usePeriod(): [PeriodSelection, (next: PeriodSelection) => void] {
  const [params, setParams] = useSearchParams();
  const today = beijingWall(Date.now());
  const period = (['month', 'quarter', 'year'] as const).find((p) => p === params.get('period')) ?? 'month';
  const year = Number(params.get('year')) || today.year();
  const month = Number(params.get('month')) || today.month() + 1;
  const quarter = Number(params.get('quarter')) || Math.ceil((today.month() + 1) / 3);
  const selection: PeriodSelection = { period, year, ...(period === 'month' && { month }), ...(period === 'quarter' && { quarter }) };
  const set = (next: PeriodSelection) => setParams(new URLSearchParams({ view: 'periodic', ...Object.fromEntries(Object.entries(next).map(([k, v]) => [k, String(v)])) }), { replace: true });
  return [selection, set];
}

/**
 * 定期统计 (docs/adr/0050): a month, quarter or year; incidents by category (bars), grade (pie) and month; per unit
 * 报送率, 及时率, 迟报, 漏报 and the 001 score. Every figure opens its incidents (the incidents list with the filters);
 * 导出 Excel downloads the same figures.
 */
export default function PeriodicStatsPanel() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [selection, setSelection] = usePeriod();
  const stats = usePeriodicStats(selection);
  const data = stats.data;
  const drill = (filters: Record<string, string>) => data && `/incidents?${new URLSearchParams({ ...filters, from: data.from, to: data.to, counted: '1' }).toString()}`;
  const thisYear = beijingWall(Date.now()).year();
  const years = Array.from({ length: 6 }, (_, i) => thisYear - i);
  const categories = useMemo<Figure[]>(() => data?.byCategory.map((c) => ({ key: c.category, label: c.label, value: c.incidents })) ?? [], [data]);
  const severities = useMemo<Figure[]>(() => data?.bySeverity.filter((s) => s.incidents > 0).map((s) => ({ key: s.severity, label: s.label, value: s.incidents })) ?? [], [data]);

  const columns: ColumnsType<UnitRow> = [
    { title: t('periodic.col.unit'), dataIndex: 'unitName', render: (name: string, u) => <Link to={drill({ unitId: u.unitId })!} aria-label={t('periodic.drill', { name })}>{name}</Link> },
    { title: t('periodic.col.incidents'), dataIndex: 'incidents', align: 'right' },
    { title: t('periodic.col.due'), dataIndex: 'due', align: 'right' },
    { title: t('periodic.col.reported'), dataIndex: 'reported', align: 'right' },
    { title: t('periodic.col.reportingRate'), dataIndex: 'reportingRate', align: 'right', render: percent },
    { title: t('periodic.col.timelyRate'), dataIndex: 'timelyRate', align: 'right', render: percent },
    { title: t('periodic.col.late'), dataIndex: 'lateIncidents', align: 'right' },
    { title: t('periodic.col.missed'), dataIndex: 'missed', align: 'right' },
    { title: t('periodic.col.verification'), key: 'verification', align: 'right', render: (_: unknown, u) => `${u.verificationMet} / ${u.verificationLate}` },
    { title: t('periodic.col.score'), dataIndex: 'score', align: 'right', render: (s: number) => <strong>{s}</strong> },
  ];

  return (
    <div data-testid="periodic-stats">
      <Space wrap className="kb-filters">
        <Select aria-label={t('periodic.period')} data-testid="periodic-kind" value={selection.period} onChange={(period) => setSelection({ ...selection, period, ...(period === 'month' ? { month: selection.month ?? 1 } : period === 'quarter' ? { quarter: selection.quarter ?? 1 } : {}) })}
          options={(['month', 'quarter', 'year'] as const).map((p) => ({ value: p, label: t(`periodic.${p}`) }))} />
        <Select aria-label={t('periodic.year')} data-testid="periodic-year" value={selection.year} onChange={(year: number) => setSelection({ ...selection, year })} options={years.map((y) => ({ value: y, label: t('periodic.yearValue', { n: y }) }))} />
        {selection.period === 'month' && (
          <Select aria-label={t('periodic.month')} data-testid="periodic-month" value={selection.month} onChange={(month: number) => setSelection({ ...selection, month })} options={Array.from({ length: 12 }, (_, i) => ({ value: i + 1, label: t('periodic.monthValue', { n: i + 1 }) }))} />
        )}
        {selection.period === 'quarter' && (
          <Select aria-label={t('periodic.quarter')} value={selection.quarter} onChange={(quarter: number) => setSelection({ ...selection, quarter })} options={[1, 2, 3, 4].map((q) => ({ value: q, label: t('periodic.quarterValue', { n: q }) }))} />
        )}
        <Button href={`/api/stats/periodic/export?${periodQuery(selection)}`} download data-testid="periodic-export">{t('periodic.export')}</Button>
      </Space>
      <Typography.Paragraph type="secondary">{t('periodic.intro')}</Typography.Paragraph>
      {stats.error && <Alert type="error" showIcon title={stats.error.message} />}
      {data && (
        <>
          <Typography.Title level={5} data-testid="periodic-total">
            {data.label}：{t('periodic.total', { n: data.total.incidents, dead: data.total.dead, injured: data.total.injured, missing: data.total.missing })}
          </Typography.Title>
          <Row gutter={[12, 12]}>
            <Col xs={24} lg={14}>
              <Card size="small" title={t('periodic.byCategory')} extra={<Typography.Text type="secondary">{t('periodic.chartHint')}</Typography.Text>}>
                <FigureChart figures={categories} kind="bar" label={t('periodic.byCategory')} testId="chart-category" onPick={(category) => void navigate(drill({ category })!)} />
                <FigureLinks figures={categories} to={(category) => drill({ category })!} />
              </Card>
            </Col>
            <Col xs={24} lg={10}>
              <Card size="small" title={t('periodic.bySeverity')}>
                {severities.length ? <FigureChart figures={severities} kind="pie" label={t('periodic.bySeverity')} testId="chart-severity" onPick={(severity) => void navigate(drill({ severity })!)} /> : <Empty description={t('periodic.empty')} />}
                <FigureLinks figures={severities} to={(severity) => drill({ severity })!} />
              </Card>
            </Col>
          </Row>
          <Card size="small" style={{ marginTop: 12 }}>
            <Table<UnitRow> size="small" rowKey="unitId" columns={columns} dataSource={data.units} pagination={false} scroll={{ x: 900 }} locale={{ emptyText: <Empty description={t('periodic.empty')} /> }} data-testid="periodic-units" />
          </Card>
        </>
      )}
      <DutyStatsCard selection={selection} />
    </div>
  );
}

/** The chart's figures as links (keyboard and screen readers reach the drill-down here). */
function FigureLinks({ figures, to }: { figures: Figure[]; to: (key: string) => string }) {
  return (
    <div className="kb-figure-links">
      {figures.map((f) => (
        <Link key={f.key} to={to(f.key)} data-testid={`figure-${f.key}`}>
          {f.label} {f.value}
        </Link>
      ))}
    </div>
  );
}
