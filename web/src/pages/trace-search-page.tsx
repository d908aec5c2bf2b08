import { MONITOR_SORTS, USER_TASK_KINDS, type MonitorRow } from '@kuaibao/domain';
import { Alert, Button, Card, Checkbox, Col, Form, Input, InputNumber, Row, Select, Space, Statistic, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { HTMLAttributes } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useSession } from '../api/session';
import { useMonitorDashboard, useMonitorSearch } from '../api/trace';
import { labelOf, useI18n } from '../i18n/i18n';
import { formatDateTime, formatElapsed, useNow } from '../lib/time';

/** The search fields kept in the address (so a search can be bookmarked and the back button works). */
const FIELDS = ['q', 'step', 'assignee', 'stuckMinutes', 'overdue', 'failed', 'division', 'sort', 'order', 'page'] as const;
type Values = { q?: string; step?: string; assignee?: string; stuckMinutes?: number | null; overdue?: boolean; failed?: boolean; division?: string; sort?: string };

/** 流程查询与处置 (a 系统管理员's): the dashboard, the search over running reports, and a link to each one's page. */
export function TraceSearchPage() {
  const { t, labels } = useI18n();
  const { me } = useSession();
  const [params, setParams] = useSearchParams();
  const query = Object.fromEntries(FIELDS.flatMap((f) => (params.get(f) ? [[f, params.get(f)!]] : [])));
  const result = useMonitorSearch({ ...query, pageSize: '20' });
  const [form] = Form.useForm<Values>();
  if (!me?.roles.includes('system_admin')) return <Alert type="error" showIcon title={t('monitor.forbidden')} data-testid="forbidden" />;

  const apply = (values: Values) => {
    const next: Record<string, string> = {};
    for (const [k, v] of Object.entries(values)) if (v !== undefined && v !== null && v !== '' && v !== false) next[k] = String(v);
    setParams(next);
  };
  const initial: Values = { ...query, stuckMinutes: query.stuckMinutes ? Number(query.stuckMinutes) : null, overdue: query.overdue === 'true', failed: query.failed === 'true' };
  return (
    <div data-testid="trace-search-page">
      <div className="kb-page-title">
        <Typography.Title level={3}>{t('trace.title')}</Typography.Title>
        <Link to="/admin/instances">{t('monitor.title')}</Link>
      </div>
      <Typography.Paragraph type="secondary">{t('trace.intro')}</Typography.Paragraph>
      <Dashboard />
      <Card size="small" style={{ marginBottom: 12 }}>
        <Form form={form} layout="vertical" initialValues={initial} onFinish={apply} data-testid="trace-search-form">
          <Row gutter={12}>
            <Col xs={24} md={8}><Form.Item name="q" label={t('trace.f.q')}><Input allowClear data-testid="trace-q" /></Form.Item></Col>
            <Col xs={12} md={4}>
              <Form.Item name="step" label={t('trace.f.step')}>
                <Select allowClear data-testid="trace-step" options={USER_TASK_KINDS.map((k) => ({ value: k, label: labelOf(labels, 'userTaskKind', k) }))} />
              </Form.Item>
            </Col>
            <Col xs={12} md={4}><Form.Item name="assignee" label={t('trace.f.assignee')}><Input allowClear data-testid="trace-assignee-filter" /></Form.Item></Col>
            <Col xs={12} md={4}><Form.Item name="stuckMinutes" label={t('trace.f.stuck')}><InputNumber min={1} precision={0} style={{ width: '100%' }} data-testid="trace-stuck" /></Form.Item></Col>
            <Col xs={12} md={4}><Form.Item name="division" label={t('trace.f.division')}><Input allowClear data-testid="trace-division" /></Form.Item></Col>
          </Row>
          <Space wrap>
            <Form.Item name="overdue" valuePropName="checked" noStyle><Checkbox data-testid="trace-overdue">{t('trace.f.overdue')}</Checkbox></Form.Item>
            <Form.Item name="failed" valuePropName="checked" noStyle><Checkbox data-testid="trace-failed">{t('trace.f.failed')}</Checkbox></Form.Item>
            <Form.Item name="sort" noStyle>
              <Select style={{ width: 140 }} placeholder={t('trace.f.sort')} aria-label={t('trace.f.sort')} options={MONITOR_SORTS.map((s) => ({ value: s, label: t(`trace.sort.${s}`) }))} />
            </Form.Item>
            <Button type="primary" htmlType="submit" data-testid="trace-search">{t('trace.search')}</Button>
            <Button onClick={() => { form.resetFields(); setParams({}); }}>{t('trace.reset')}</Button>
          </Space>
        </Form>
      </Card>
      {result.error && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={result.error.message} />}
      <Card size="small">
        <ResultTable rows={result.data?.items ?? []} loading={result.isLoading} total={result.data?.total ?? 0} page={Number(query.page ?? 1)}
          onPage={(page) => setParams({ ...query, page: String(page) })} />
      </Card>
    </div>
  );
}

function Dashboard() {
  const { t, labels } = useI18n();
  const dash = useMonitorDashboard();
  if (!dash.data) return null;
  const d = dash.data;
  return (
    <Card size="small" style={{ marginBottom: 12 }} data-testid="trace-dashboard">
      <Space size="large" wrap align="start">
        <Statistic title={t('trace.dash.running')} value={d.running} />
        <Link to="/admin/trace?overdue=true&sort=overdueSince" data-testid="trace-dash-overdue">
          <Statistic title={t('trace.dash.overdue')} value={d.overdueReports} valueStyle={d.overdueReports ? { color: '#cf1322' } : undefined} />
        </Link>
        <Link to="/admin/trace?failed=true" data-testid="trace-dash-failed">
          <Statistic title={t('trace.dash.failed')} value={d.failedReports} suffix={d.failedSteps > d.failedReports ? t('trace.dash.failedSteps', { n: d.failedSteps }) : undefined}
            valueStyle={d.failedReports ? { color: '#cf1322' } : undefined} />
        </Link>
        <div>
          <Typography.Text type="secondary">{t('trace.dash.byStep')}</Typography.Text>
          <div>{d.byStep.map((s) => <Link key={s.kind} to={`/admin/trace?step=${s.kind}`}><Tag>{labelOf(labels, 'userTaskKind', s.kind)} {s.count}</Tag></Link>)}</div>
        </div>
        <div>
          <Typography.Text type="secondary">{t('trace.dash.byJurisdiction')}</Typography.Text>
          <div>{d.byJurisdiction.map((j) => <Link key={j.divisionCode} to={`/admin/trace?division=${j.divisionCode}`}><Tag>{j.name} {j.count}</Tag></Link>)}</div>
        </div>
      </Space>
    </Card>
  );
}

function ResultTable({ rows, loading, total, page, onPage }: { rows: MonitorRow[]; loading: boolean; total: number; page: number; onPage: (page: number) => void }) {
  const { t, labels, locale } = useI18n();
  const now = useNow(30_000);
  const columns: ColumnsType<MonitorRow> = [
    {
      title: t('trace.col.incident'), key: 'incident',
      render: (_, r) => (
        <div>
          <Link to={`/admin/trace/${r.instanceKey}`} data-testid="trace-open">{r.incidentNumber}</Link>
          <div>{r.title}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {labelOf(labels, 'reportKind', r.reportKind)} · {labelOf(labels, 'reportStatus', r.reportStatus)}
            {r.version !== null && <span data-testid="trace-row-version"> · {t('dossier.workflow.version', { version: r.version })}</span>}
          </Typography.Text>
        </div>
      ),
    },
    { title: t('trace.col.unit'), key: 'unit', render: (_, r) => r.unit.name },
    {
      title: t('trace.col.step'), key: 'step',
      render: (_, r) => r.tasks.map((task) => (
        <div key={task.key}>{labelOf(labels, 'userTaskKind', task.kind)} · {task.assigneeName ?? task.assignee ?? <Typography.Text type="secondary">{t('trace.unclaimed')}</Typography.Text>}</div>
      )),
    },
    {
      title: t('trace.col.waiting'), key: 'waiting',
      render: (_, r) => (
        <div data-testid="trace-waiting">
          <div>{formatElapsed(now - Date.parse(r.waitingSince), locale)}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('monitor.since', { at: formatDateTime(r.waitingSince) })}</Typography.Text>
        </div>
      ),
    },
    {
      title: t('trace.col.state'), key: 'state',
      render: (_, r) => (
        <Space size={4} wrap>
          {r.overdueSince && <Tag color="red">{t('trace.overdue')}</Tag>}
          {r.failedSteps > 0 && <Tag color="volcano">{t('trace.failed', { n: r.failedSteps })}</Tag>}
        </Space>
      ),
    },
  ];
  return (
    <Table<MonitorRow>
      rowKey="reportId" size="middle" columns={columns} dataSource={rows} loading={loading} scroll={{ x: 'max-content' }}
      pagination={{ current: page, pageSize: 20, total, showSizeChanger: false, onChange: onPage, showTotal: (n) => t('trace.total', { n }) }}
      onRow={(r) => ({ 'data-testid': 'trace-row', 'data-incident': r.incidentNumber }) as HTMLAttributes<HTMLElement>}
    />
  );
}
