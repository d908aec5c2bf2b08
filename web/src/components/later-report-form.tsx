import { laterReportContent, makeReportPatchSchemas } from '@kuaibao/domain';
import { Alert, App, Button, Card, Col, Form, Input, InputNumber, Radio, Row, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMemo } from 'react';
import { useSubmitLaterReport } from '../api/queries';
import type { ReportContent } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { applyIssues, clearFixedIssues, clearIssues, issuesMessage, keepEnterFromSubmitting, useClearIssuesOnLocaleChange, reportSubmitError } from '../lib/form-errors';
import { beijingInstant } from '../lib/time';
import { BeijingDatePicker } from './beijing-date-picker';

const COUNTS = ['dead', 'injured', 'seriouslyInjured', 'missing', 'trapped'] as const;
const TEXTS = ['cause', 'measures', 'trend', 'helpNeeded'] as const;

interface Values {
  kind: 'follow_up' | 'final';
  progress?: string;
  severity?: string;
  endedAt?: Dayjs | null;
  economicLossYuan?: number | null;
  casualties?: Partial<Record<(typeof COUNTS)[number], number | null>>;
  cause?: string;
  measures?: string;
  trend?: string;
  helpNeeded?: string;
}

const blank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

/** Only what differs from the report as it stands (the API merges the rest from the previous report). */
export function changedElements(current: ReportContent, values: Values): Record<string, unknown> {
  const patch: Record<string, unknown> = { kind: values.kind };
  if (!blank(values.progress)) patch.progress = values.progress!.trim();
  if (values.endedAt) patch.endedAt = beijingInstant(values.endedAt);
  if (values.severity && values.severity !== current.severity) patch.severity = values.severity;
  if (!blank(values.economicLossYuan) && values.economicLossYuan !== current.economicLossYuan) patch.economicLossYuan = values.economicLossYuan;
  for (const key of TEXTS) if (!blank(values[key]) && values[key]!.trim() !== current[key]) patch[key] = values[key]!.trim();
  const counts = COUNTS.filter((k) => !blank(values.casualties?.[k]) && values.casualties?.[k] !== current.casualties?.[k]);
  if (counts.length > 0) patch.casualties = Object.fromEntries(counts.map((k) => [k, values.casualties![k]]));
  return patch;
}

/**
 * 续报 / 终报 for the reporting unit: the elements that most often change, filled in with the report as it
 * stands; only what the reporter changes is sent. Validated as the API does: the change with the domain's
 * patch schemas, then the report it makes (the previous one merged with it) with the rules of its kind, so a
 * 终报 that lacks its cause or measures is stopped here, on those fields.
 */
export function LaterReportForm({ incidentNumber, current, onDone }: { incidentNumber: string; current: ReportContent; onDone: () => void }) {
  const { t, field, labels, options, locale, paren } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  useClearIssuesOnLocaleChange(form, locale);
  const submit = useSubmitLaterReport(incidentNumber);
  const schemas = useMemo(() => makeReportPatchSchemas({ locale }), [locale]);
  // What a 终报 must hold, as the domain's rules say (a blank ordinary 终报 fails on exactly those): their asterisks.
  const finalRequires = useMemo(() => new Set(schemas.merged.final({ classified: false }).error?.issues.map((i) => String(i.path[0])) ?? []), [schemas]);
  const kind = Form.useWatch('kind', form);

  /** The change with the patch schemas, then the report it makes with the rules of its kind. */
  const check = (values: Values) => {
    const patch = changedElements(current, values);
    const parsed = schemas.patch.safeParse(patch);
    if (!parsed.success) return { patch, issues: parsed.error.issues };
    return { patch, issues: schemas.merged[parsed.data.kind](laterReportContent(current, parsed.data, incidentNumber)).error?.issues ?? [] };
  };

  const onFinish = (values: Values) => {
    clearIssues(form);
    const { patch, issues } = check(values);
    if (issues.length > 0) {
      applyIssues(form, issues);
      void message.error(issuesMessage(issues, locale));
      return;
    }
    submit.mutate(patch, {
      onSuccess: () => {
        void message.success(t('later.submitted'));
        onDone();
      },
      onError: (error) => reportSubmitError(form, error, locale, (text) => message.error(text)),
    });
  };
  const initialValues: Values = {
    kind: 'follow_up',
    severity: current.severity,
    economicLossYuan: current.economicLossYuan ?? null,
    casualties: current.casualties,
    ...Object.fromEntries(TEXTS.map((k) => [k, current[k]])),
  };
  const requiredIn = (name: string) => kind === 'final' && finalRequires.has(name);
  const text = (name: (typeof TEXTS)[number] | 'progress', rows = 2, required = requiredIn(name)) => (
    <Form.Item name={name} label={field(name)} required={required}>
      <Input.TextArea rows={rows} maxLength={5000} data-testid={`later-${name}`} />
    </Form.Item>
  );

  return (
    <Card title={t('later.title')} style={{ marginBottom: 16 }} data-testid="later-report-form">
      <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('later.hint')} />
      <Form
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={initialValues}
        onKeyDown={keepEnterFromSubmitting}
        onValuesChange={() => clearFixedIssues(form, check(form.getFieldsValue(true) as Values).issues)}
      >
        <Form.Item name="kind" label={t('later.kind')}>
          <Radio.Group optionType="button" buttonStyle="solid">
            <Radio.Button value="follow_up" data-testid="later-kind-follow_up">{labels.reportKind.follow_up}</Radio.Button>
            <Radio.Button value="final" data-testid="later-kind-final">{labels.reportKind.final}</Radio.Button>
          </Radio.Group>
        </Form.Item>
        {text('progress', 3, kind !== 'final')}
        <Row gutter={12}>
          <Col xs={24} md={12}>
            <Form.Item name="severity" label={field('severity')}>
              <Select options={options.severity} data-testid="later-severity" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="endedAt" label={field('endedAt')} required={requiredIn('endedAt')}>
              <BeijingDatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} data-testid="later-endedAt" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label={`${field('casualties')}${paren(t('later.casualtiesHint'))}`} style={{ marginBottom: 0 }}>
          <Row gutter={12}>
            {COUNTS.map((k) => (
              <Col xs={12} sm={8} md={4} key={k}>
                <Form.Item name={['casualties', k]} label={field(k)}>
                  <InputNumber min={0} precision={0} style={{ width: '100%' }} data-testid={`later-${k}`} />
                </Form.Item>
              </Col>
            ))}
            <Col xs={24} sm={8} md={4}>
              <Form.Item name="economicLossYuan" label={field('economicLossYuan')} required={requiredIn('economicLossYuan')}>
                <InputNumber min={0} style={{ width: '100%' }} data-testid="later-economicLossYuan" />
              </Form.Item>
            </Col>
          </Row>
        </Form.Item>
        {TEXTS.map((k) => <div key={k}>{text(k)}</div>)}
        <Space>
          <Button type="primary" htmlType="submit" loading={submit.isPending} data-testid="later-submit">{t('later.submit')}</Button>
          <Button onClick={onDone}>{t('later.cancel')}</Button>
        </Space>
      </Form>
    </Card>
  );
}
