import type { ElementDuration } from '@kuaibao/domain';
import { Alert, Card, Select, Skeleton, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState, type HTMLAttributes } from 'react';
import { useElementDurations } from '../../api/trace';
import { useI18n } from '../../i18n/i18n';
import { formatDuration } from '../../lib/duration';
import { HeatDiagram } from './heat-diagram';
import { HEAT_COLOURS, heatLevels } from './heat-levels';

const WINDOWS = [7, 30, 90, 365] as const;

/** 各环节耗时: the heat map of a deployed version's time per element (p50 / p95), its legend and the figures as a table. */
export function ElementHeatMap({ definitionKey }: { definitionKey: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [days, setDays] = useState<number>(30);
  const durations = useElementDurations(definitionKey, days);
  const elements = durations.data?.elements;
  const levels = useMemo(() => heatLevels(elements ?? []), [elements]);
  const d = durations.data;

  const columns: ColumnsType<ElementDuration> = [
    { title: t('heat.col.element'), key: 'element', render: (_, e) => e.elementName ?? e.elementId },
    { title: t('heat.col.completed'), dataIndex: 'completed', align: 'right' },
    { title: t('heat.col.p50'), key: 'p50', align: 'right', render: (_, e) => (e.completed ? formatDuration(e.p50Ms, i18n) : '—') },
    { title: t('heat.col.p95'), key: 'p95', align: 'right', render: (_, e) => (e.completed ? formatDuration(e.p95Ms, i18n) : '—') },
    { title: t('heat.col.max'), key: 'max', align: 'right', render: (_, e) => (e.completed ? formatDuration(e.maxMs, i18n) : '—') },
    { title: t('heat.col.open'), dataIndex: 'open', align: 'right' },
  ];
  return (
    <Card size="small" title={t('heat.title')} style={{ marginBottom: 12 }} data-testid="heat-map"
      extra={<Select size="small" aria-label={t('heat.days')} value={days} onChange={setDays} data-testid="heat-days"
        options={WINDOWS.map((n) => ({ value: n, label: t('heat.daysOption', { days: n }) }))} />}>
      {durations.error && <Alert type="warning" showIcon title={durations.error.message} data-testid="heat-unavailable" />}
      {durations.isLoading && <Skeleton active />}
      {d && (
        <>
          <Typography.Paragraph type="secondary">{t('heat.intro', { days, n: d.instances })} {t('heat.noHistory')}</Typography.Paragraph>
          <HeatDiagram xml={d.xml} elements={d.elements} levels={levels} />
          {levels.bounds.length > 0 ? (
            <div className="kb-legend" data-testid="heat-legend">
              <span>{t('heat.legend')}</span>
              {levels.bounds.map((bound, level) => (
                <span key={level}><i style={{ background: HEAT_COLOURS[level], borderColor: HEAT_COLOURS[level] }} />≥ {formatDuration(bound, i18n)}</span>
              ))}
            </div>
          ) : <Typography.Text type="secondary">{t('heat.none')}</Typography.Text>}
          <Table<ElementDuration> rowKey="elementId" size="small" style={{ marginTop: 8 }} columns={columns} dataSource={d.elements} pagination={false}
            onRow={(e) => ({ 'data-testid': 'heat-row', 'data-element': e.elementId, 'data-completed': e.completed }) as HTMLAttributes<HTMLElement>} />
        </>
      )}
    </Card>
  );
}
