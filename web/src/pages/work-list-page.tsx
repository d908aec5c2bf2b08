import { Card, Empty, Input, Pagination, Select, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link, useParams, useSearchParams } from 'react-router';
import { useWorkList, type CopiedItem, type DoneItem, type InitiatedItem, type WorkList } from '../api/worklists';
import { useReportKindLabel } from '../components/report-kind-label';
import { SeverityTag } from '../components/tags';
import { WorkListNav } from '../components/work-list-nav';
import { labelOf, useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';
import { formatDateTime } from '../lib/time';

const LISTS: WorkList[] = ['done', 'initiated', 'copied'];
const REPORT_KINDS = ['first', 'follow_up', 'final', 'phone', 'verification'];
const DONE_ACTIONS = ['task.completed', 'task.transferred', 'task.delegated', 'task.delegation_returned'];
const NOTICE_KINDS = ['withdrawn', 'verified', 'revoked', 'reminder', 'overdue', 'immediate', 'instruction_reminder', 'instruction_overdue'];

/** A labelled filter: the label is visible and names the control for screen readers. */
function Filter({ id, label, children }: { id: string; label: string; children: React.ReactNode }) {
  return (
    <label className="kb-labelled" htmlFor={id}>
      <span>{label}</span>
      {children}
    </label>
  );
}

/** 已办 / 我发起的 / 抄送我的: filters in the address bar, one page from the server at a time. */
export function WorkListPage() {
  const { list: raw = 'done' } = useParams();
  const list = (LISTS.includes(raw as WorkList) ? raw : 'done') as WorkList;
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const query = Object.fromEntries(params.entries()) as Record<string, string>;
  const page = Math.max(1, Number(query.page) || 1);
  const data = useWorkList<DoneItem & InitiatedItem & CopiedItem>(list, { ...query, page });
  const kindLabel = useReportKindLabel();
  const update = (change: Record<string, string | undefined>) => {
    const next: Record<string, string | undefined> = { ...query, page: undefined, ...change };
    setParams(new URLSearchParams(Object.entries(next).filter((e): e is [string, string] => !!e[1])), { replace: true });
  };
  const select = (key: string, label: string, values: string[], labelFor: (v: string) => string) => (
    <Filter id={`filter-${key}`} label={label}>
      <Select id={`filter-${key}`} allowClear placeholder={t('lists.filter.all')} value={query[key]} onChange={(v?: string) => update({ [key]: v })}
        options={values.map((v) => ({ value: v, label: labelFor(v) }))} data-testid={`filter-${key}`} popupMatchSelectWidth={false} />
    </Filter>
  );

  return (
    <div data-testid="work-list-page" data-list={list}>
      <div className="kb-page-title">
        <Typography.Title level={3}>{t(`lists.${list}` as MessageKey)}</Typography.Title>
        <WorkListNav current={list} />
      </div>
      <Card size="small">
        <div className="kb-filters">
          <Filter id="filter-q" label={t('lists.search.label')}>
            <Input.Search id="filter-q" allowClear defaultValue={query.q} placeholder={t('lists.search')} onSearch={(q) => update({ q: q.trim() || undefined })} data-testid="filter-q" style={{ width: 240 }} />
          </Filter>
          {list !== 'copied' && select('reportKind', t('lists.filter.reportKind'), REPORT_KINDS, (k) => kindLabel(k))}
          {list === 'done' && select('action', t('lists.filter.action'), DONE_ACTIONS, (a) => t(`done.action.${a}` as MessageKey, { to: '…' }))}
          {list === 'copied' && select('kind', t('lists.filter.noticeKind'), NOTICE_KINDS, (k) => t(`notice.kind.${k}` as MessageKey))}
        </div>
        <Table
          rowKey={(row) => row.id ?? row.reportId}
          size="middle"
          loading={data.isLoading}
          dataSource={data.data?.items ?? []}
          columns={useColumns(list) as ColumnsType<DoneItem & InitiatedItem & CopiedItem>}
          pagination={false}
          scroll={{ x: 800 }}
          locale={{ emptyText: <Empty description={t('lists.empty')} /> }}
          onRow={(row) => ({ 'data-testid': 'list-row', 'data-incident': row.incidentNumber }) as React.HTMLAttributes<HTMLElement>}
        />
        <div style={{ display: 'flex', justifyContent: 'space-between', marginTop: 12 }}>
          <Typography.Text type="secondary" data-testid="list-total">{t('lists.total', { n: data.data?.total ?? 0 })}</Typography.Text>
          {(data.data?.total ?? 0) > 20 && <Pagination current={page} pageSize={20} total={data.data?.total ?? 0} showSizeChanger={false} onChange={(p) => update({ page: String(p) })} />}
        </div>
      </Card>
    </div>
  );
}

function useColumns(list: WorkList) {
  const { t, labels } = useI18n();
  const kindLabel = useReportKindLabel();
  const incident = { title: t('lists.col.incident'), key: 'incident', render: (_: unknown, row: { incidentNumber: string; title: string | null; severity: string | null }) => (
    <div>
      <Link to={`/incidents/${row.incidentNumber}`}>{row.title ?? row.incidentNumber}</Link>
      <div><Typography.Text type="secondary" style={{ fontSize: 12, marginRight: 8 }}>{row.incidentNumber}</Typography.Text>{row.severity && <SeverityTag severity={row.severity} />}</div>
    </div>
  ) };
  const reportKind = { title: t('lists.col.reportKind'), key: 'reportKind', width: 110, render: (_: unknown, row: { reportKind: string | null; reportSequence: number | null }) => <Tag data-testid="report-kind">{kindLabel(row.reportKind, row.reportSequence)}</Tag> };
  if (list === 'done') {
    const columns: ColumnsType<DoneItem> = [
      { title: t('lists.col.at'), key: 'at', width: 150, render: (_, row) => formatDateTime(row.at) },
      incident, reportKind,
      { title: t('lists.col.task'), key: 'task', width: 150, render: (_, row) => labelOf(labels, 'userTaskKind', row.taskKind ?? row.taskName) },
      { title: t('lists.col.what'), key: 'what', width: 150, render: (_, row) => (
        <span data-testid="done-action">{t(`done.action.${row.action}` as MessageKey, { to: row.toName ?? '' })}{row.decision && <Tag style={{ marginLeft: 4 }} color={row.decision === 'close' || row.decision === 'return' ? 'red' : 'green'}>{t(`decision.${row.decision}` as MessageKey)}</Tag>}</span>
      ) },
      { title: t('lists.col.opinion'), key: 'opinion', render: (_, row) => row.opinion ?? '—' },
      { title: t('lists.col.status'), key: 'status', width: 100, render: (_, row) => row.reportStatusLabel ?? '—' },
    ];
    return columns;
  }
  if (list === 'initiated') {
    const columns: ColumnsType<InitiatedItem> = [
      { title: t('lists.col.submittedAt'), key: 'at', width: 150, render: (_, row) => formatDateTime(row.submittedAt ?? row.createdAt) },
      incident, reportKind,
      { title: t('lists.col.status'), key: 'status', width: 100, render: (_, row) => <Tag color={row.status === 'withdrawn' || row.status === 'revoked' ? 'default' : 'processing'} data-testid="report-status">{row.statusLabel}</Tag> },
      { title: t('lists.col.waiting'), key: 'waiting', render: (_, row) => row.waitingAt.length === 0 ? t('lists.waitingNone') : row.waitingAt.map((w) => `${labelOf(labels, 'userTaskKind', w.kind)}（${w.assigneeName ?? t('lists.unclaimed')}）`).join('、') },
    ];
    return columns;
  }
  const columns: ColumnsType<CopiedItem> = [
    { title: t('lists.col.at'), key: 'at', width: 150, render: (_, row) => formatDateTime(row.sentAt) },
    incident, reportKind,
    { title: t('lists.filter.noticeKind'), key: 'kind', width: 130, render: (_, row) => <Tag data-testid="notice-kind">{t(`notice.kind.${row.kind}` as MessageKey)}</Tag> },
    { title: t('lists.col.message'), key: 'message', render: (_, row) => row.message },
  ];
  return columns;
}
