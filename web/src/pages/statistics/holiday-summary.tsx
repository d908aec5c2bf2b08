import { FILING_STATUS_LABELS, HOLIDAY_RETURN_FIELDS } from '@kuaibao/domain';
import { App, Button, Card, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useSubmitHolidaySummary, type HolidayDay, type HolidayUnitDay, type SummaryState } from '../../api/statistics';
import { useI18n } from '../../i18n/i18n';
import { problemMessage } from '../../lib/form-errors';
import { formatDateTime } from '../../lib/time';
import { StatusTag } from './holiday-return-form';

/**
 * What the collecting unit (and the province) sees of a holiday day: each unit's return and its status against 14:30,
 * the city total summed by the API, and the summary sent by 15:00 (the overall one on the last day).
 */
export function HolidaySummary({ data, collector }: { data: HolidayDay; collector: boolean }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const send = useSubmitHolidaySummary(data.holiday.id);
  const label = (f: (typeof HOLIDAY_RETURN_FIELDS)[number]) => (locale === 'en' ? f.en : f.zh);
  const columns: ColumnsType<HolidayUnitDay> = [
    { title: t('holidays.col.unit'), dataIndex: 'unitName', fixed: 'left', width: 160 },
    { title: t('holidays.col.status'), dataIndex: 'status', width: 100, render: (s: HolidayUnitDay['status']) => <StatusTag status={s} /> },
    ...HOLIDAY_RETURN_FIELDS.map((f) => ({ title: label(f), key: f.key, width: 96, align: 'right' as const, render: (_: unknown, row: HolidayUnitDay) => row.return?.[f.key] ?? '—' })),
    { title: t('holidays.other'), key: 'other', render: (_: unknown, row: HolidayUnitDay) => row.return?.other || '—' },
    { title: t('holidays.col.filedAt'), key: 'filedAt', width: 150, render: (_: unknown, row: HolidayUnitDay) => (row.return ? formatDateTime(row.return.filedAt) : '—') },
  ];
  const sent = (state: SummaryState | undefined, key: 'holidays.summarySent' | 'holidays.overallSent') =>
    state?.submittedAt && <Typography.Text data-testid={key === 'holidays.summarySent' ? 'summary-sent' : 'overall-sent'}>{t(key, { status: FILING_STATUS_LABELS[locale][state.status], at: formatDateTime(state.submittedAt) })}</Typography.Text>;
  const submit = async (kind: 'daily' | 'overall') => {
    try {
      await send.mutateAsync({ day: data.day, kind });
      message.success(t('holidays.sent'));
    } catch (error) {
      message.error(problemMessage(error as Error, locale));
    }
  };
  return (
    <Card size="small" data-testid="holiday-summary">
      <Table<HolidayUnitDay>
        size="small"
        rowKey="unitId"
        columns={columns}
        dataSource={data.units}
        pagination={false}
        scroll={{ x: 1200 }}
        summary={() =>
          data.total && (
            <Table.Summary.Row data-testid="holiday-total">
              <Table.Summary.Cell index={0}><strong>{t('holidays.total')}</strong></Table.Summary.Cell>
              <Table.Summary.Cell index={1} />
              {HOLIDAY_RETURN_FIELDS.map((f, i) => (
                <Table.Summary.Cell key={f.key} index={i + 2} align="right"><strong>{data.total![f.key]}</strong></Table.Summary.Cell>
              ))}
              <Table.Summary.Cell index={9} colSpan={2}><span className="kb-pre-line">{data.total.other || '—'}</span></Table.Summary.Cell>
            </Table.Summary.Row>
          )
        }
      />
      <Space wrap style={{ marginTop: 12 }}>
        {data.summary && <span>{t('holidays.summaryStatus', { status: FILING_STATUS_LABELS[locale][data.summary.status] })}</span>}
        {sent(data.summary, 'holidays.summarySent')}
        {collector && !data.summary?.submittedAt && (
          <Button type="primary" loading={send.isPending} onClick={() => void submit('daily')} data-testid="send-summary">{t('holidays.sendSummary')}</Button>
        )}
        {sent(data.overallSummary, 'holidays.overallSent')}
        {collector && data.lastDay && !data.overallSummary?.submittedAt && (
          <Button loading={send.isPending} onClick={() => void submit('overall')} data-testid="send-overall">{t('holidays.sendOverall')}</Button>
        )}
      </Space>
    </Card>
  );
}
