import { Card, Empty, List, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { HTMLAttributes } from 'react';
import { useUnitName } from '../api/queries';
import type { ClockCounts, TimelinessStats, UnitTimeliness } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { formatOnTimeRate } from '../lib/timeliness';

/**
 * The 首报's phone and written clocks, the answers owed to 核报 requests (001 六: 首报时效、核报情况), and a provincial
 * unit's own reports to the State Council (002 一（三）, docs/adr/0057).
 */
const CHANNELS = ['phone', 'written', 'verification', 'stateCouncil'] as const;
/** 报送标准 (seed 003): incidents reported because they had to be, and below every threshold. */
const KINDS = ['mandatory', 'voluntary'] as const;
const FIGURES = ['met', 'late', 'open', 'rate'] as const;
type Channel = (typeof CHANNELS)[number];
type Figure = (typeof FIGURES)[number];

interface TimelinessListProps {
  stats: TimelinessStats | undefined;
  loading: boolean;
}

/** What a row or card carries for tests and tools: the unit. */
const rowData = (unitId: string) => ({ 'data-testid': 'stats-row', 'data-unit': unitId });

/** Wide screens: a row per unit, each channel's figures under its heading, and the total in the footer. */
export function TimelinessTable({ stats, loading }: TimelinessListProps) {
  const { t } = useI18n();
  const unitName = useUnitName();
  const units = stats?.units ?? [];
  const columns: ColumnsType<UnitTimeliness> = [
    { title: t('stats.col.unit'), key: 'unit', render: (_, row) => unitName(row.unitId, row.unitName) },
    { title: t('stats.col.incidents'), key: 'incidents', align: 'right', width: 90, render: (_, row) => <Incidents n={row.incidents} /> },
    ...KINDS.map((kind) => ({ title: t(`stats.col.${kind}`), key: kind, align: 'right' as const, width: 90, render: (_: unknown, row: UnitTimeliness) => <Figure testId={kind} n={row[kind]} /> })),
    ...CHANNELS.map((channel) => ({
      title: channelTitle(t, channel),
      children: FIGURES.map((figure) => ({
        title: t(`stats.col.${figure}`),
        key: `${channel}-${figure}`,
        align: 'right' as const,
        width: figure === 'rate' ? 100 : 80,
        render: (_: unknown, row: UnitTimeliness) => <ChannelFigure channel={channel} figure={figure} counts={row[channel]} />,
      })),
    })),
  ];
  return (
    <Table<UnitTimeliness>
      rowKey="unitId"
      size="middle"
      bordered
      columns={columns}
      dataSource={units}
      loading={loading}
      pagination={false}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: <Empty description={t('stats.empty')} /> }}
      onRow={(row) => rowData(row.unitId) as HTMLAttributes<HTMLElement>}
      summary={() =>
        stats && units.length > 0 ? (
          <Table.Summary>
            <Table.Summary.Row className="kb-stats-total" data-testid="stats-total">
              <Table.Summary.Cell index={0}>{t('stats.total')}</Table.Summary.Cell>
              <Table.Summary.Cell index={1} align="right"><Incidents n={stats.total.incidents} /></Table.Summary.Cell>
              {KINDS.map((kind, k) => <Table.Summary.Cell key={kind} index={2 + k} align="right"><Figure testId={kind} n={stats.total[kind]} /></Table.Summary.Cell>)}
              {CHANNELS.flatMap((channel, c) =>
                FIGURES.map((figure, f) => (
                  <Table.Summary.Cell key={`${channel}-${figure}`} index={2 + KINDS.length + c * FIGURES.length + f} align="right">
                    <ChannelFigure channel={channel} figure={figure} counts={stats.total[channel]} />
                  </Table.Summary.Cell>
                )),
              )}
            </Table.Summary.Row>
          </Table.Summary>
        ) : null
      }
    />
  );
}

/** Phones: a card per unit, then the total's. */
export function TimelinessCards({ stats, loading }: TimelinessListProps) {
  const { t } = useI18n();
  const unitName = useUnitName();
  const units = stats?.units ?? [];
  return (
    <List<UnitTimeliness>
      loading={loading}
      dataSource={units}
      locale={{ emptyText: <Empty description={t('stats.empty')} /> }}
      renderItem={(row) => <TimelinessCard name={unitName(row.unitId, row.unitName)} figures={row} {...rowData(row.unitId)} />}
      footer={stats && units.length > 0 ? <TimelinessCard name={t('stats.total')} figures={stats.total} className="kb-stats-total" data-testid="stats-total" /> : undefined}
    />
  );
}

function TimelinessCard({ name, figures, className, ...data }: { name: string; figures: TimelinessStats['total']; className?: string; 'data-testid': string; 'data-unit'?: string }) {
  const { t } = useI18n();
  return (
    <Card size="small" className={`kb-mobile-task ${className ?? ''}`} {...data}>
      <div className="kb-stats-card-head">
        <strong>{name}</strong>
        <span>{t('stats.col.incidents')} <Incidents n={figures.incidents} /></span>
      </div>
      <div className="kb-mobile-meta">
        {KINDS.map((kind) => <span key={kind}>{t(`stats.col.${kind}`)} <Figure testId={kind} n={figures[kind]} /></span>)}
      </div>
      {CHANNELS.map((channel) => (
        <div key={channel} className="kb-mobile-meta">
          <span className="kb-stats-channel">{channelTitle(t, channel)}</span>
          {FIGURES.map((figure) => (
            <span key={figure}>
              {t(`stats.col.${figure}`)} <ChannelFigure channel={channel} figure={figure} counts={figures[channel]} />
            </span>
          ))}
        </div>
      ))}
    </Card>
  );
}

const channelTitle = (t: ReturnType<typeof useI18n>['t'], channel: Channel) =>
  channel === 'verification' || channel === 'stateCouncil' ? t(`stats.col.${channel}`) : t(`clock.channel.${channel}`);

function Figure({ testId, n }: { testId: string; n: number }) {
  return <span className="kb-figure" data-testid={testId}>{n}</span>;
}

function Incidents({ n }: { n: number }) {
  return <span className="kb-figure" data-testid="incidents">{n}</span>;
}

/** One figure of a channel: a count (迟报 in red when there is any) or its 按时率. */
function ChannelFigure({ channel, figure, counts }: { channel: Channel; figure: Figure; counts: ClockCounts }) {
  const testId = `${channel}-${figure}`;
  if (figure === 'rate') return <span className="kb-figure" data-testid={testId}>{formatOnTimeRate(counts)}</span>;
  const n = counts[figure];
  return <span className={figure === 'late' && n > 0 ? 'kb-figure kb-late' : 'kb-figure'} data-testid={testId}>{n}</span>;
}
