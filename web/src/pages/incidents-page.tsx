import { Card, Empty, Input, List, Select, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link, useSearchParams } from 'react-router';
import { useIncidents, useUnitName } from '../api/queries';
import type { IncidentSummary } from '../api/types';
import { CategoryTag, SeverityTag } from '../components/tags';
import { useI18n } from '../i18n/i18n';
import { formatDateTime } from '../lib/time';
import { useScreens } from '../lib/screens';

/** The incidents I may see, newest first, each linking to its dossier. */
export function IncidentsPage() {
  const { t, options } = useI18n();
  const [params, setParams] = useSearchParams();
  const query = {
    q: params.get('q') ?? undefined,
    status: params.get('status') ?? undefined,
    category: params.get('category') ?? undefined,
    severity: params.get('severity') ?? undefined,
    // the statistics' drill-down (定期统计): a reporting unit, the period's Beijing days, only the incidents it counts
    unitId: params.get('unitId') ?? undefined,
    from: params.get('from') ?? undefined,
    to: params.get('to') ?? undefined,
    counted: params.get('counted') ?? undefined,
    page: Number(params.get('page')) || 1,
  };
  const incidents = useIncidents(query);
  const unitName = useUnitName();
  const screens = useScreens();
  const set = (change: Record<string, string | number | undefined>) => {
    const next = { ...query, page: 1, ...change };
    setParams(new URLSearchParams(Object.entries(next).filter(([k, v]) => v !== undefined && v !== '' && !(k === 'page' && v === 1)).map(([k, v]) => [k, String(v)])), { replace: true });
  };
  const columns: ColumnsType<IncidentSummary> = [
    { title: t('incidents.col.number'), dataIndex: 'number', width: 230, render: (n: string) => <Link to={`/incidents/${n}`}>{n}</Link> },
    { title: t('incidents.col.title'), dataIndex: 'title', render: (title: string, row) => <Link to={`/incidents/${row.number}`}>{title}</Link> },
    { title: t('inbox.filter.category'), dataIndex: 'category', width: 130, responsive: ['md'], render: (c: string) => <CategoryTag category={c} /> },
    { title: t('inbox.filter.severity'), dataIndex: 'severity', width: 140, render: (s: string) => <SeverityTag severity={s} /> },
    { title: t('inbox.col.unit'), dataIndex: 'reportingUnitId', width: 170, responsive: ['lg'], render: (id: string) => unitName(id) },
    { title: t('incidents.col.occurredAt'), dataIndex: 'occurredAt', width: 140, responsive: ['md'], render: formatDateTime },
    { title: t('incidents.status'), dataIndex: 'status', width: 90, render: (s: string) => t(s === 'closed' ? 'incidents.status.closed' : 'incidents.status.open') },
  ];
  return (
    <div>
      <div className="kb-page-title">
        <Typography.Title level={3}>{t('incidents.title')}</Typography.Title>
      </div>
      {(query.unitId || query.from) && (
        <Tag closable data-testid="drill-filter" onClose={() => set({ unitId: undefined, from: undefined, to: undefined, counted: undefined })} style={{ marginBottom: 12 }}>
          {[query.unitId && unitName(query.unitId), query.from && `${query.from} ～ ${query.to ?? ''}`].filter(Boolean).join('\u3000')}
        </Tag>
      )}
      <Card size="small">
        <div className="kb-filters">
          <Input.Search allowClear placeholder={t('incidents.search')} defaultValue={query.q} onSearch={(q) => set({ q })} style={{ maxWidth: 280 }} />
          <Select allowClear placeholder={t('incidents.status')} value={query.status} onChange={(status?: string) => set({ status })} options={[{ value: 'open', label: t('incidents.status.open') }, { value: 'closed', label: t('incidents.status.closed') }]} />
          <Select allowClear placeholder={t('inbox.filter.category')} value={query.category} onChange={(category?: string) => set({ category })} options={options.category} />
          <Select allowClear placeholder={t('inbox.filter.severity')} value={query.severity} onChange={(severity?: string) => set({ severity })} options={options.severity} />
        </div>
        {!screens.md ? (
          <List<IncidentSummary>
            loading={incidents.isLoading}
            dataSource={incidents.data?.items ?? []}
            locale={{ emptyText: <Empty description={t('incidents.empty')} /> }}
            pagination={(incidents.data?.total ?? 0) > 20 ? { current: query.page, pageSize: 20, total: incidents.data?.total ?? 0, onChange: (page) => set({ page }), size: 'small' } : false}
            renderItem={(row) => (
              <Card size="small" className="kb-mobile-task">
                <Link to={`/incidents/${row.number}`}>{row.title}</Link>
                <div className="kb-mobile-meta">
                  <span>{row.number}</span>
                  <span>{unitName(row.reportingUnitId)}</span>
                  <span>{formatDateTime(row.occurredAt)}</span>
                </div>
                <SeverityTag severity={row.severity} />
                <CategoryTag category={row.category} />
                <Typography.Text type="secondary">{t(row.status === 'closed' ? 'incidents.status.closed' : 'incidents.status.open')}</Typography.Text>
              </Card>
            )}
          />
        ) : (
          <Table<IncidentSummary>
            rowKey="number"
            size="middle"
            columns={columns}
            dataSource={incidents.data?.items ?? []}
            loading={incidents.isLoading}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: <Empty description={t('incidents.empty')} /> }}
            pagination={{ current: query.page, pageSize: 20, total: incidents.data?.total ?? 0, showSizeChanger: false, onChange: (page) => set({ page }), hideOnSinglePage: true }}
          />
        )}
      </Card>
    </div>
  );
}
