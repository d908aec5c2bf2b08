import { makePhoneReportSchema, phoneReportSchema } from '@kuaibao/domain';
import { Alert, App, Button, Card, Col, Form, Input, Row, Select, Switch, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { ApiError } from '../api/http';
import { useOrgUnits, useRecordPhoneReport } from '../api/queries';
import { useSession } from '../api/session';
import type { OrgUnit } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { BeijingDatePicker } from '../components/beijing-date-picker';
import { applyIssues, clearFixedIssues, clearIssues, keepEnterFromSubmitting, useClearIssuesOnLocaleChange } from '../lib/form-errors';
import { beijingInstant } from '../lib/time';

type Key = keyof typeof phoneReportSchema.shape;
type PhoneFormValues = Partial<Record<Key, string | boolean | Dayjs | null>>;
const TIMES = ['calledAt', 'occurredAt', 'learnedAt'] as const;

/** The units a duty office takes calls from: those under its government (as the API checks). */
function callerUnits(units: OrgUnit[], ownId: string): OrgUnit[] {
  const own = units.find((u) => u.id === ownId);
  const found = new Set([own?.parentId ?? ownId]);
  for (let grew = true; grew; ) {
    const before = found.size;
    for (const unit of units) if (unit.parentId && found.has(unit.parentId)) found.add(unit.id);
    grew = found.size > before;
  }
  return units.filter((u) => found.has(u.id));
}

/** The request body for these values: blanks left out, times ISO 8601, Beijing time. */
function toPhoneReport(values: PhoneFormValues): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const [key, raw] of Object.entries(values)) {
    const value: unknown = TIMES.includes(key as (typeof TIMES)[number]) ? raw ? beijingInstant(raw as Dayjs) : undefined : typeof raw === 'string' ? raw.trim() : raw;
    if (value !== '' && value !== null && value !== undefined) body[key] = value;
  }
  return body;
}

/** 登记电话报告: a duty officer records a call as the first entry of a new dossier; the clocks start with it. */
export function PhoneReportPage() {
  const { t, field, options, locale } = useI18n();
  const { me } = useSession();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<PhoneFormValues>();
  const record = useRecordPhoneReport();
  const units = useOrgUnits();
  const [formError, setFormError] = useState<string | null>(null);
  useClearIssuesOnLocaleChange(form, locale, () => setFormError(null));
  // The API's rules with this browser's clock: messages name the field in the UI's language, no time in the future.
  const schema = useMemo(() => makePhoneReportSchema({ locale, now: () => new Date() }), [locale]);
  if (!me) return null;

  const labelOf = (key: string): string =>
    key === 'title' ? t('phone.incidentTitle') : field(key as 'callerName');
  const showIssues = (issues: readonly { path: string | readonly PropertyKey[]; message: string }[]) => {
    applyIssues(form, issues);
    setFormError(t('report.fixErrors'));
  };

  const onSubmit = () => {
    setFormError(null);
    clearIssues(form);
    const body = toPhoneReport(form.getFieldsValue(true) as PhoneFormValues);
    const parsed = schema.safeParse(body);
    if (!parsed.success) return showIssues(parsed.error.issues);
    record.mutate(body, {
      onSuccess: ({ incidentNumber }) => {
        void message.success(t('phone.recorded', { number: incidentNumber }));
        void navigate(`/incidents/${incidentNumber}`);
      },
      onError: (error) => {
        if (error instanceof ApiError && error.problem.errors?.length) showIssues(error.problem.errors);
        else setFormError(error.message);
      },
    });
  };

  const unitOptions = callerUnits(units.data ?? [], me.unitId).map((u) => ({ value: u.id, label: locale === 'en' && u.nameEn ? u.nameEn : u.name }));
  const picker = (name: (typeof TIMES)[number], required: boolean) => (
    <Col xs={24} md={8}>
      <Form.Item name={name} label={labelOf(name)} required={required}>
        <BeijingDatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} data-testid={`phone-${name}`} />
      </Form.Item>
    </Col>
  );

  return (
    <div className="kb-narrow">
      <div className="kb-page-title">
        <Typography.Title level={3}>{t('phone.title')}</Typography.Title>
      </div>
      <Alert type="info" showIcon title={t('phone.intro')} style={{ marginBottom: 16 }} />
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} data-testid="form-error" />}
      <Form form={form} layout="vertical" scrollToFirstError initialValues={{ sensitive: false }} onFinish={onSubmit} onKeyDown={keepEnterFromSubmitting}
        onValuesChange={() => clearFixedIssues(form, schema.safeParse(toPhoneReport(form.getFieldsValue(true) as PhoneFormValues)).error?.issues ?? [])} data-testid="phone-report-form">
        <Card size="small" title={field('callerName')} style={{ marginBottom: 16 }}>
          <Row gutter={12}>
            <Col xs={24} md={8}>
              <Form.Item name="callerName" label={labelOf('callerName')} required>
                <Input maxLength={32} data-testid="phone-callerName" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="callerPhone" label={labelOf('callerPhone')}>
                <Input maxLength={20} data-testid="phone-callerPhone" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="callerUnitId" label={labelOf('callerUnitId')} required>
                <Select showSearch={{ optionFilterProp: 'label' }} options={unitOptions} loading={units.isLoading} data-testid="phone-callerUnitId" />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="summary" label={labelOf('summary')} required>
            <Input.TextArea rows={4} maxLength={2000} showCount data-testid="phone-summary" />
          </Form.Item>
        </Card>
        <Card size="small" title={t('report.section.event')} style={{ marginBottom: 16 }}>
          <Form.Item name="title" label={`${labelOf('title')} ${t('report.optional')}`}>
            <Input maxLength={80} data-testid="phone-title" />
          </Form.Item>
          <Row gutter={12}>
            <Col xs={24} md={10}>
              <Form.Item name="category" label={field('category')} required>
                <Select options={options.category} data-testid="phone-category" />
              </Form.Item>
            </Col>
            <Col xs={24} md={10}>
              <Form.Item name="severity" label={field('severity')} required>
                <Select options={options.severity} data-testid="phone-severity" />
              </Form.Item>
            </Col>
            <Col xs={24} md={4}>
              <Form.Item name="sensitive" label={field('sensitive')} valuePropName="checked">
                <Switch />
              </Form.Item>
            </Col>
          </Row>
          <Row gutter={12}>
            {picker('calledAt', true)}
            {picker('occurredAt', true)}
            {picker('learnedAt', false)}
          </Row>
        </Card>
        <div className="kb-form-actions">
          <Button type="primary" htmlType="submit" loading={record.isPending} data-testid="phone-submit">{t('phone.record')}</Button>
        </div>
      </Form>
    </div>
  );
}
