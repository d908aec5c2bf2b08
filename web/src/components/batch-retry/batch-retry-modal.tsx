import { makeRetryBatchSchema, RETRIES, RETRY_REASON_MAX_LENGTH } from '@kuaibao/domain';
import { Alert, Form, Input, InputNumber, List, Modal, Progress, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { ApiError } from '../../api/http';
import { useI18n, type I18n } from '../../i18n/i18n';
import { applyIssues, clearIssues, problemMessage, useClearIssuesOnLocaleChange } from '../../lib/form-errors';
import { useBatchRetry, type RetryState, type RetryTarget } from './use-batch-retry';

interface Values { retries?: number | null; reason?: string }

const TAG: Record<RetryState['state'], string | undefined> = { pending: undefined, sending: 'processing', retried: 'blue', passed: 'green', refused: 'orange', failedAgain: 'red' };

/**
 * 批量重试 with its progress (issue 22 item 3): one reason and retry count for the chosen failed steps, checked with the
 * domain's rules before sending; then a progress bar and each step's answer as it comes, and which failed again.
 */
export function BatchRetryModal({ targets, onClose }: { targets: RetryTarget[]; onClose: () => void }) {
  const i18n = useI18n();
  const { t, locale } = i18n;
  const [form] = Form.useForm<Values>();
  useClearIssuesOnLocaleChange(form, locale);
  const schema = useMemo(() => makeRetryBatchSchema(locale), [locale]);
  const batch = useBatchRetry(targets);
  const started = batch.phase !== 'idle';

  const submit = (values: Values) => {
    clearIssues(form);
    const parsed = schema.safeParse({ ...values, incidentKeys: targets.map((x) => x.key) });
    if (!parsed.success) return void applyIssues(form, parsed.error.issues);
    void batch.run({ reason: parsed.data.reason, retries: parsed.data.retries });
  };
  const failed = Object.values(batch.states).filter((s) => s.state === 'refused' || s.state === 'failedAgain').length;
  return (
    <Modal open width={720} title={t('batchRetry.title', { n: targets.length })} onCancel={onClose} maskClosable={!started}
      onOk={() => (started ? onClose() : form.submit())} okText={started ? t('batchRetry.close') : t('batchRetry.start')}
      okButtonProps={{ disabled: batch.phase === 'sending', ...{ 'data-testid': 'batch-retry-ok' } }} cancelButtonProps={{ style: started ? { display: 'none' } : undefined }}>
      {!started && (
        <Form form={form} layout="vertical" onFinish={submit} initialValues={{ retries: RETRIES.default }} data-testid="batch-retry-form">
          <Form.Item name="retries" label={t('monitor.retry.retries')} extra={t('monitor.retry.retriesHint', RETRIES)}>
            <InputNumber min={RETRIES.min} max={RETRIES.max} precision={0} />
          </Form.Item>
          <Form.Item name="reason" label={t('monitor.retry.reason')} required>
            <Input.TextArea rows={2} maxLength={RETRY_REASON_MAX_LENGTH} showCount placeholder={t('monitor.retry.reasonPlaceholder')} data-testid="batch-retry-reason" />
          </Form.Item>
        </Form>
      )}
      {started && (
        <div data-testid="batch-retry-progress" data-phase={batch.phase}>
          <Progress percent={Math.round((batch.settled / batch.total) * 100)} status={batch.phase === 'sending' ? 'active' : failed ? 'exception' : 'success'} />
          <Typography.Text type="secondary">{t(`batchRetry.phase.${batch.phase as 'sending'}`, { done: batch.settled, n: batch.total })}</Typography.Text>
        </div>
      )}
      {batch.error != null && <Alert type="error" showIcon style={{ marginTop: 8 }} title={batch.error instanceof ApiError || batch.error instanceof Error ? problemMessage(batch.error, locale) : String(batch.error)} />}
      <List size="small" style={{ marginTop: 8, maxHeight: 320, overflow: 'auto' }} dataSource={targets} renderItem={(x) => {
        const s = batch.states[x.key]!;
        return (
          <List.Item data-testid="batch-retry-item" data-state={s.state} data-key={x.key}>
            <div style={{ minWidth: 0 }}>
              <div>{x.incidentNumber ?? x.instanceKey} · {x.elementName ?? x.elementId}</div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>{detailOf(s, x, i18n)}</Typography.Text>
            </div>
            <Tag color={TAG[s.state]}>{t(`batchRetry.state.${s.state}`)}</Tag>
          </List.Item>
        );
      }} />
    </Modal>
  );
}

function detailOf(s: RetryState, x: RetryTarget, { t }: Pick<I18n, 't'>): string {
  if (s.state === 'refused') return `${s.status} · ${s.detail}`;
  if (s.state === 'failedAgain') return s.detail;
  if (s.state === 'retried') return t('batchRetry.retriedHint');
  if (s.state === 'passed') return t('batchRetry.passedHint');
  return x.errorMessage;
}
