import { Col, Form, Input, InputNumber, Row, Select, Typography } from 'antd';
import type { ReportContent } from '../api/types';
import { useI18n } from '../i18n/i18n';

export type CorrectionValues = Pick<ReportContent, 'title' | 'category' | 'severity' | 'economicLossYuan' | 'course' | 'harm'> & {
  casualties?: Partial<NonNullable<ReportContent['casualties']>> | undefined;
};

const COUNTS = ['dead', 'injured', 'seriouslyInjured', 'missing', 'trapped'] as const;

/** The report elements a verifier most often corrects (the domain's correction schema allows these and more). */
export function CorrectionFields() {
  const { t, field, options } = useI18n();
  return (
    <div data-testid="corrections">
      <Typography.Paragraph type="secondary">{t('task.corrections.hint')}</Typography.Paragraph>
      <Form.Item name={['corrections', 'title']} label={field('title')}>
        <Input maxLength={100} />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item name={['corrections', 'category']} label={field('category')}>
            <Select options={options.category} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name={['corrections', 'severity']} label={field('severity')}>
            <Select options={options.severity} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        {COUNTS.map((k) => (
          <Col xs={12} sm={8} key={k}>
            <Form.Item name={['corrections', 'casualties', k]} label={field(k)}>
              <InputNumber min={0} precision={0} style={{ width: '100%' }} data-testid={`correction-${k}`} />
            </Form.Item>
          </Col>
        ))}
        <Col xs={24} sm={8}>
          <Form.Item name={['corrections', 'economicLossYuan']} label={field('economicLossYuan')}>
            <InputNumber min={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name={['corrections', 'course']} label={field('course')}>
        <Input.TextArea rows={3} maxLength={5000} />
      </Form.Item>
      <Form.Item name={['corrections', 'harm']} label={field('harm')}>
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
    </div>
  );
}

/**
 * Only what the verifier changed. Casualties go as a whole (the service replaces the element, so a
 * partial object would drop the other counts).
 */
export function changedCorrections(original: ReportContent, values: CorrectionValues): Record<string, unknown> | undefined {
  const changes: Record<string, unknown> = {};
  for (const key of ['title', 'category', 'severity', 'economicLossYuan', 'course', 'harm'] as const) {
    const value = values[key];
    if (value !== undefined && value !== null && value !== original[key]) changes[key] = value;
  }
  const casualties = { ...original.casualties, ...values.casualties };
  if (COUNTS.some((k) => casualties[k] !== original.casualties?.[k])) changes.casualties = casualties;
  return Object.keys(changes).length > 0 ? changes : undefined;
}
