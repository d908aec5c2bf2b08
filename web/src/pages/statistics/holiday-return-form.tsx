import { FILING_STATUS_LABELS, HOLIDAY_RETURN_FIELDS, makeHolidayReturnSchema } from '@kuaibao/domain';
import { App, Button, Card, Form, Input, InputNumber, Tag, Typography } from 'antd';
import { useEffect } from 'react';
import { useFileHolidayReturn, type HolidayUnitDay } from '../../api/statistics';
import { useI18n } from '../../i18n/i18n';
import { applyIssues, clearIssues, keepEnterFromSubmitting, problemMessage } from '../../lib/form-errors';
import { formatDateTime } from '../../lib/time';
import { ApiError } from '../../api/http';

/**
 * 节假日期间日信息统计表 as a form (seed 004 附件): the figures in the form's order, 其他, 填表人, 联系电话; checked by the
 * schema the API parses with; Enter in a field never submits; a second submission corrects.
 */
export function HolidayReturnForm({ holidayId, day, row, defaults }: { holidayId: string; day: string; row: HolidayUnitDay; defaults: { filledBy: string; phone: string } }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const file = useFileHolidayReturn();
  useEffect(() => {
    form.resetFields();
    form.setFieldsValue(row.return ?? { ...Object.fromEntries(HOLIDAY_RETURN_FIELDS.map((f) => [f.key, 0])), other: '', ...defaults });
  }, [form, row.return, day, holidayId, defaults]);

  const submit = async () => {
    clearIssues(form);
    const body = { holidayId, day, ...form.getFieldsValue() };
    const parsed = makeHolidayReturnSchema(locale).safeParse(body);
    if (!parsed.success) {
      applyIssues(form, parsed.error.issues);
      return;
    }
    try {
      const filed = await file.mutateAsync(parsed.data);
      message.success(t('holidays.filed', { status: FILING_STATUS_LABELS[locale][filed.status] }));
    } catch (error) {
      if (error instanceof ApiError && error.problem.errors) applyIssues(form, error.problem.errors);
      message.error(problemMessage(error as Error, locale));
    }
  };

  return (
    <Card size="small" title={t('holidays.form')} data-testid="holiday-return-form" extra={<Typography.Text type="secondary">{t('holidays.unit', { name: row.unitName })}</Typography.Text>}>
      {row.return && (
        <Typography.Paragraph>
          <StatusTag status={row.status} /> {formatDateTime(row.return.filedAt)}
        </Typography.Paragraph>
      )}
      <Form form={form} layout="vertical" onKeyDown={keepEnterFromSubmitting} onFinish={() => void submit()} className="kb-holiday-form">
        <div className="kb-holiday-grid">
          {HOLIDAY_RETURN_FIELDS.map((f) => (
            <Form.Item key={f.key} name={f.key} label={locale === 'en' ? f.en : `${f.zh}（${f.unit}）`}>
              <InputNumber min={0} precision={0} style={{ width: '100%' }} aria-label={locale === 'en' ? f.en : f.zh} />
            </Form.Item>
          ))}
        </div>
        <Form.Item name="other" label={t('holidays.other')}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
        <div className="kb-holiday-grid">
          <Form.Item name="filledBy" label={t('holidays.filledBy')} required>
            <Input maxLength={32} />
          </Form.Item>
          <Form.Item name="phone" label={t('holidays.phone')} required>
            <Input maxLength={20} />
          </Form.Item>
        </div>
        <Button type="primary" htmlType="submit" loading={file.isPending} data-testid="holiday-return-submit">
          {row.return ? t('holidays.correct') : t('holidays.submit')}
        </Button>
      </Form>
    </Card>
  );
}

const STATUS_COLORS = { on_time: 'green', late: 'orange', missing: 'red', pending: 'default' } as const;

export function StatusTag({ status }: { status: keyof typeof STATUS_COLORS }) {
  const { locale } = useI18n();
  return <Tag color={STATUS_COLORS[status]}>{FILING_STATUS_LABELS[locale][status]}</Tag>;
}
