import { INCIDENT_TYPES, reportingThreshold, THRESHOLD_RULES, type IncidentType, type Severity } from '@kuaibao/domain';
import { Alert, Card, Col, Form, Row, Select, Switch } from 'antd';
import { useI18n } from '../i18n/i18n';
import type { ReportFormValues } from '../lib/report-draft';

const CIRCUMSTANCES = ['sensitivePlace', 'sensitiveTime', 'specialPersons', 'longDuration', 'wideImpact'] as const;

/**
 * 报送标准 (seed 003 第一篇): the incident type its threshold is stated for and the circumstances that make even a small
 * incident reportable, with the domain's verdict as the form is filled in — the same `reportingThreshold` the API
 * answers at submission (mandatory, citing the rule, or voluntary and counted apart).
 */
export function ThresholdFields() {
  const { t, field, locale } = useI18n();
  const form = Form.useFormInstance<ReportFormValues>();
  const values = Form.useWatch([], form) as (ReportFormValues & Partial<Record<(typeof CIRCUMSTANCES)[number], boolean>> & { incidentType?: IncidentType }) | undefined;
  const verdict = values?.severity
    ? reportingThreshold({ ...values, severity: values.severity as Severity, casualties: numbers(values.casualties), economicLossYuan: values.economicLossYuan ?? undefined }, locale)
    : undefined;
  return (
    <Card size="small" title={t('report.section.threshold')} style={{ marginBottom: 16 }}>
      <Form.Item name="incidentType" label={field('incidentType')}>
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          options={INCIDENT_TYPES.map((type) => ({ value: type, label: `${THRESHOLD_RULES[type].name[locale]}（003 ${THRESHOLD_RULES[type].source}）` }))}
          data-testid="field-incidentType"
        />
      </Form.Item>
      <Row gutter={12}>
        {CIRCUMSTANCES.map((name) => (
          <Col xs={12} md={8} key={name}>
            <Form.Item name={name} label={field(name)} valuePropName="checked">
              <Switch data-testid={`field-${name}`} />
            </Form.Item>
          </Col>
        ))}
      </Row>
      {verdict && (
        <Alert
          type={verdict.required ? 'warning' : 'info'}
          showIcon
          title={t(verdict.required ? 'report.threshold.required' : 'report.threshold.voluntary')}
          description={verdict.rule}
          data-testid="threshold-notice"
          data-required={String(verdict.required)}
        />
      )}
    </Card>
  );
}

function numbers(casualties: ReportFormValues['casualties']) {
  return Object.fromEntries(Object.entries(casualties ?? {}).filter(([, v]) => typeof v === 'number')) as Record<string, number>;
}
