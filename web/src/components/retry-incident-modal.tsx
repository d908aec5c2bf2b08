import { makeIncidentRetrySchema, RETRIES, RETRY_REASON_MAX_LENGTH } from '@kuaibao/domain';
import { Alert, App, Form, Input, InputNumber, Modal } from 'antd';
import { useMemo } from 'react';
import { useRetryIncident } from '../api/queries';
import type { InstanceIncident } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { applyIssues, clearIssues, useClearIssuesOnLocaleChange, reportSubmitError } from '../lib/form-errors';

interface Values {
  retries?: number | null;
  reason?: string;
}

/**
 * 重试 a failed step: how many more attempts, and why (required: it goes into the dossier's audit trail).
 * Checked with the domain's rules (the API's) before sending; the API's field errors land on the same fields.
 */
export function RetryIncidentModal({ incident, onClose }: { incident: InstanceIncident; onClose: () => void }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  useClearIssuesOnLocaleChange(form, locale);
  const retry = useRetryIncident();
  const schema = useMemo(() => makeIncidentRetrySchema(locale), [locale]);
  const element = incident.elementName ?? incident.elementId;

  const submit = (values: Values) => {
    clearIssues(form);
    const parsed = schema.safeParse(values);
    if (!parsed.success) return void applyIssues(form, parsed.error.issues);
    retry.mutate(
      { key: incident.key, body: parsed.data },
      {
        onSuccess: () => {
          void message.success(t('monitor.retry.done', { element }));
          onClose();
        },
        onError: (error) => reportSubmitError(form, error, locale, (text) => message.error(text), onClose),
      },
    );
  };

  return (
    <Modal open title={t('monitor.retry.title', { element })} onCancel={onClose} onOk={() => form.submit()} okText={t('monitor.retry')} confirmLoading={retry.isPending}>
      <Alert type="error" style={{ marginBottom: 16 }} title={<span className="kb-pre">{incident.errorMessage}</span>} />
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ retries: RETRIES.default }} data-testid="retry-form">
        <Form.Item name="retries" label={t('monitor.retry.retries')} extra={t('monitor.retry.retriesHint', RETRIES)}>
          <InputNumber min={RETRIES.min} max={RETRIES.max} precision={0} data-testid="retry-retries" />
        </Form.Item>
        <Form.Item name="reason" label={t('monitor.retry.reason')} required>
          <Input.TextArea rows={3} maxLength={RETRY_REASON_MAX_LENGTH} showCount placeholder={t('monitor.retry.reasonPlaceholder')} data-testid="retry-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
