import type { ReportCategory } from '@kuaibao/domain';
import { Alert, Card, Col, Form, Input, InputNumber, Row, Select, Switch } from 'antd';
import type { ReactNode } from 'react';
import { useOrgUnits } from '../api/queries';
import { useI18n } from '../i18n/i18n';
import { categoryHints } from '../i18n/messages';
import { BeijingDatePicker } from './beijing-date-picker';

const COUNTS = ['dead', 'injured', 'seriouslyInjured', 'missing', 'trapped'] as const;
const LATER = ['cause', 'trend', 'measures', 'helpNeeded', 'notes'] as const;

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card size="small" title={title} style={{ marginBottom: 16 }}>
      {children}
    </Card>
  );
}

/** 事件: title, category (with what to state for it), severity, flags. */
export function EventFields() {
  const { t, field, options, locale } = useI18n();
  const form = Form.useFormInstance();
  const category = Form.useWatch<ReportCategory | undefined>('category', form);
  return (
    <Section title={t('report.section.event')}>
      <Alert type="warning" showIcon title={t('report.classifiedWarning')} style={{ marginBottom: 16 }} />
      <Form.Item name="title" label={field('title')} required>
        <Input maxLength={100} showCount data-testid="field-title" />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} md={12}>
          <Form.Item name="category" label={field('category')} required>
            <Select options={options.category} data-testid="field-category" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="severity" label={field('severity')} required>
            <Select options={options.severity} data-testid="field-severity" />
          </Form.Item>
        </Col>
      </Row>
      {category && <Alert type="info" showIcon title={t('report.categoryHint')} description={categoryHints[locale][category]} style={{ marginBottom: 16 }} data-testid="category-hint" />}
      <Row gutter={12}>
        <Col xs={24} md={12}>
          <Form.Item name="sensitive" label={field('sensitive')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="mayEscalate" label={field('mayEscalate')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Col>
      </Row>
    </Section>
  );
}

/** 时间 and 地点. */
export function TimePlaceFields() {
  const { t, field, locale, paren } = useI18n();
  const units = useOrgUnits();
  const divisions = (units.data ?? [])
    .filter((u) => u.kind === 'government')
    .map((u) => ({ value: u.divisionCode, label: `${locale === 'en' && u.nameEn ? u.nameEn : u.name}${paren(u.divisionCode)}` }));
  const picker = (name: 'occurredAt' | 'learnedAt' | 'receivedAt', required: boolean) => (
    <Col xs={24} md={8}>
      <Form.Item name={name} label={field(name)} required={required}>
        <BeijingDatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} data-testid={`field-${name}`} />
      </Form.Item>
    </Col>
  );
  return (
    <>
      <Section title={t('report.section.time')}>
        <Row gutter={12}>
          {picker('occurredAt', true)}
          {picker('learnedAt', true)}
          {picker('receivedAt', false)}
        </Row>
      </Section>
      <Section title={t('report.section.place')}>
        <Row gutter={12}>
          <Col xs={24} md={8}>
            <Form.Item name={['place', 'divisionCode']} label={field('placeDivisionCode')} required>
              <Select showSearch={{ optionFilterProp: 'label' }} options={divisions} placeholder={t('report.division.placeholder')} data-testid="field-division" />
            </Form.Item>
          </Col>
          <Col xs={24} md={16}>
            <Form.Item name={['place', 'address']} label={field('address')} required>
              <Input maxLength={200} data-testid="field-address" />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item name={['place', 'longitude']} label={field('longitude')}>
              <InputNumber min={-180} max={180} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item name={['place', 'latitude']} label={field('latitude')}>
              <InputNumber min={-90} max={90} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
      </Section>
    </>
  );
}

/** 人员伤亡与损失, then 经过、危害 (required) and what may follow in a 续报. */
export function ImpactFields() {
  const { t, field } = useI18n();
  return (
    <>
      <Section title={t('report.section.impact')}>
        <Row gutter={12}>
          <Col span={24} style={{ color: 'rgba(0,0,0,0.55)', marginBottom: 8 }} data-testid="casualties-hint">{t('field.casualtiesHint')}</Col>
          {COUNTS.map((k) => (
            <Col xs={12} sm={8} md={4} key={k}>
              <Form.Item name={['casualties', k]} label={field(k)} required>
                <InputNumber min={0} precision={0} style={{ width: '100%' }} data-testid={`field-${k}`} />
              </Form.Item>
            </Col>
          ))}
          <Col xs={12} sm={8} md={4}>
            <Form.Item name={['casualties', 'poisoned']} label={field('poisoned')}>
              <InputNumber min={0} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="economicLossYuan" label={field('economicLossYuan')}>
              <InputNumber min={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
      </Section>
      <Section title={t('report.section.details')}>
        <Form.Item name="course" label={field('course')} required>
          <Input.TextArea rows={4} maxLength={5000} showCount data-testid="field-course" />
        </Form.Item>
        <Form.Item name="harm" label={field('harm')} required>
          <Input.TextArea rows={2} maxLength={2000} data-testid="field-harm" />
        </Form.Item>
        {LATER.map((k) => (
          <Form.Item key={k} name={k} label={`${field(k)} ${t('report.optional')}`}>
            <Input.TextArea rows={2} maxLength={k === 'measures' ? 5000 : 2000} />
          </Form.Item>
        ))}
      </Section>
    </>
  );
}

/** 报送单位 (the user's own unit) and 联系人 for 核报. */
export function ContactFields({ unitName }: { unitName: string }) {
  const { t, field } = useI18n();
  return (
    <Section title={t('report.section.contact')}>
      <Row gutter={12}>
        <Col xs={24} md={8}>
          <Form.Item label={field('reportingUnitId')}>
            <Input value={unitName} disabled />
          </Form.Item>
        </Col>
        <Col xs={12} md={8}>
          <Form.Item name={['contact', 'name']} label={field('contactName')} required>
            <Input maxLength={32} data-testid="field-contact-name" />
          </Form.Item>
        </Col>
        <Col xs={12} md={8}>
          <Form.Item name={['contact', 'phone']} label={field('phone')} required>
            <Input maxLength={24} data-testid="field-contact-phone" />
          </Form.Item>
        </Col>
      </Row>
    </Section>
  );
}
