import { beijingDay, makeDailyReportSchema, ROLL_CALL_RESULTS } from '@kuaibao/domain';
import { Alert, App, Button, Card, Descriptions, Form, Input, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { fileDailyReport, receiveDailyReport, useDailyReports, useDutyWrite, type DailyReportView, type Standing } from '../../api/duty';
import { useSession } from '../../api/session';
import { useI18n } from '../../i18n/i18n';
import { applyIssues, clearIssues, issuesMessage, keepEnterFromSubmitting, problemMessage, reportSubmitError } from '../../lib/form-errors';
import { formatDateTime } from '../../lib/time';

const standingColor: Record<Standing, string> = { on_time: 'success', late: 'error', missed: 'error', pending: 'default' };

function StandingTag({ standing }: { standing: Standing }) {
  const { t } = useI18n();
  return <Tag color={standingColor[standing]} data-testid="daily-standing" data-standing={standing}>{t(`duty.daily.standing.${standing}`)}</Tag>;
}

/** 值班信息日报: the unit's own report of a day (filed by 16:00), and — for a receiving unit — each unit below's standing. */
export function DailyReportTab() {
  const { t } = useI18n();
  const [day, setDay] = useState(() => beijingDay(new Date()));
  const reports = useDailyReports(day);
  const d = reports.data;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space>
        <label htmlFor="daily-day">{t('duty.daily.day')}</label>
        <Input id="daily-day" type="date" value={day} onChange={(e) => e.target.value && setDay(e.target.value)} style={{ width: 180 }} data-testid="daily-day" />
        {d && <Typography.Text type="secondary">{t('duty.daily.dueAt', { due: formatDateTime(d.dueAt) })}</Typography.Text>}
      </Space>
      {d && !d.own.receiver && <Alert type="info" showIcon message={t('duty.daily.noReceiver')} />}
      {d?.own.receiver && (
        <Card title={`${d.own.unit.name} · ${t('duty.daily.receiver', { unit: d.own.receiver.name })}`} extra={d.own.standing && <StandingTag standing={d.own.standing} />}>
          {d.own.report ? <ReportView report={d.own.report} /> : <DailyReportForm day={day} />}
        </Card>
      )}
      {d && d.received.length > 0 && (
        <Card title={t('duty.daily.fromUnits')}>
          <Table
            rowKey={(row) => row.unit.id}
            dataSource={d.received}
            pagination={false}
            size="small"
            data-testid="daily-received"
            expandable={{ rowExpandable: (row) => !!row.report, expandedRowRender: (row) => row.report && <ReportView report={row.report} /> }}
            columns={[
              { title: t('duty.daily.unit'), render: (_, row) => row.unit.name },
              { title: t('duty.daily.standing'), render: (_, row) => <StandingTag standing={row.standing} /> },
              { title: '', render: (_, row) => row.report && <ReceiveButton report={row.report} /> },
            ]}
          />
        </Card>
      )}
    </Space>
  );
}

function ReceiveButton({ report }: { report: DailyReportView }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const receive = useDutyWrite(() => receiveDailyReport(report.id));
  if (report.receivedAt) return <Typography.Text type="secondary">{t('duty.daily.received', { name: report.receivedBy ?? '' })}</Typography.Text>;
  return (
    <Button size="small" loading={receive.isPending} data-testid="daily-receive"
      onClick={() => receive.mutate(undefined, { onSuccess: () => void message.success(t('duty.daily.receivedOk')), onError: (e) => void message.error(problemMessage(e, locale)) })}>
      {t('duty.daily.receive')}
    </Button>
  );
}

function ReportView({ report }: { report: DailyReportView }) {
  const { t } = useI18n();
  const c = report.content as Record<string, string | number | undefined>;
  return (
    <Descriptions size="small" column={2} data-testid="daily-report">
      <Descriptions.Item label={t('duty.daily.leaderName')}>{c.leaderName}</Descriptions.Item>
      <Descriptions.Item label={t('duty.daily.officerNames')}>{c.officerNames}</Descriptions.Item>
      <Descriptions.Item label={t('duty.daily.incidentsReceived')}>{c.incidentsReceived}</Descriptions.Item>
      <Descriptions.Item label={t('duty.daily.reportsSubmitted')}>{c.reportsSubmitted}</Descriptions.Item>
      <Descriptions.Item label={t('duty.daily.rollCall')}>{c.rollCall ? t(`duty.daily.rollCall.${c.rollCall as 'answered'}`) : '—'}</Descriptions.Item>
      <Descriptions.Item label={t('duty.daily.filledBy')}>{c.filledBy} {c.phone}</Descriptions.Item>
      <Descriptions.Item label={t('duty.daily.summary')} span={2}>{c.summary}</Descriptions.Item>
      {c.issues && <Descriptions.Item label={t('duty.daily.issues')} span={2}>{c.issues}</Descriptions.Item>}
      <Descriptions.Item span={2}>{t('duty.daily.filedBy', { name: report.filedBy, at: formatDateTime(report.filedAt) })}</Descriptions.Item>
    </Descriptions>
  );
}

type FormValues = Record<'leaderName' | 'officerNames' | 'summary' | 'issues' | 'filledBy' | 'phone' | 'rollCall', string> & { incidentsReceived: number; reportsSubmitted: number };

/** The form, checked by the API's own schema before it is sent; Enter in a field does not send it half-filled. */
function DailyReportForm({ day }: { day: string }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const { me } = useSession();
  const [form] = Form.useForm<FormValues>();
  const file = useDutyWrite((body: unknown) => fileDailyReport(body));
  const submit = (values: FormValues) => {
    clearIssues(form);
    const body = { ...values, day, issues: values.issues || undefined };
    const checked = makeDailyReportSchema(locale).safeParse(body);
    if (!checked.success) {
      applyIssues(form, checked.error.issues);
      void message.error(issuesMessage(checked.error.issues, locale));
      return;
    }
    file.mutate(body, {
      onSuccess: () => void message.success(t('duty.daily.filed')),
      onError: (error) => reportSubmitError(form, error, locale, (text) => message.error(text)),
    });
  };
  return (
    <Form form={form} layout="vertical" onFinish={submit} onKeyDown={keepEnterFromSubmitting} data-testid="daily-form"
      initialValues={{ incidentsReceived: 0, reportsSubmitted: 0, rollCall: 'answered', filledBy: me?.displayName }}>
      <Space wrap>
        <Form.Item name="leaderName" label={t('duty.daily.leaderName')} required><Input maxLength={32} data-testid="daily-leader" /></Form.Item>
        <Form.Item name="officerNames" label={t('duty.daily.officerNames')} required><Input maxLength={100} data-testid="daily-officers" /></Form.Item>
        <Form.Item name="incidentsReceived" label={t('duty.daily.incidentsReceived')} required><InputNumber min={0} precision={0} data-testid="daily-incidents" /></Form.Item>
        <Form.Item name="reportsSubmitted" label={t('duty.daily.reportsSubmitted')} required><InputNumber min={0} precision={0} data-testid="daily-reports" /></Form.Item>
        <Form.Item name="rollCall" label={t('duty.daily.rollCall')} required>
          <Select style={{ width: 140 }} options={ROLL_CALL_RESULTS.map((r) => ({ value: r, label: t(`duty.daily.rollCall.${r}`) }))} data-testid="daily-roll-call" />
        </Form.Item>
      </Space>
      <Form.Item name="summary" label={t('duty.daily.summary')} required><Input.TextArea rows={3} maxLength={2000} showCount data-testid="daily-summary" /></Form.Item>
      <Form.Item name="issues" label={t('duty.daily.issues')}><Input.TextArea rows={2} maxLength={2000} /></Form.Item>
      <Space wrap>
        <Form.Item name="filledBy" label={t('duty.daily.filledBy')} required><Input maxLength={32} data-testid="daily-filled-by" /></Form.Item>
        <Form.Item name="phone" label={t('duty.daily.phone')} required><Input maxLength={20} data-testid="daily-phone" /></Form.Item>
      </Space>
      <Form.Item><Button type="primary" htmlType="submit" loading={file.isPending} data-testid="daily-submit">{t('duty.daily.file')}</Button></Form.Item>
    </Form>
  );
}
