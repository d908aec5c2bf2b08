import { makeVerificationSchemas, verificationTargets } from '@kuaibao/domain';
import { App, Button, Card, Empty, Form, Input, List, Modal, Select, Space, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useOrgUnits, useRequestVerification } from '../api/queries';
import { useSession } from '../api/session';
import type { Verification } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { applyIssues, clearIssues, issuesMessage, reportSubmitError } from '../lib/form-errors';
import { formatDateTime } from '../lib/time';

/** 核报 of the incident: each request, its due times, the answers and whether they came in time (ADR 0011). */
export function Verifications({ items, incidentNumber, canRequest, reportingUnitId }: { items: Verification[]; incidentNumber: string; canRequest: boolean; reportingUnitId: string }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  return (
    <Card
      title={t('verification.title')}
      style={{ marginTop: 16 }}
      data-testid="verifications"
      extra={canRequest && <Button onClick={() => setOpen(true)} data-testid="request-verification">{t('verification.request')}</Button>}
    >
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('verification.none')} />
      ) : (
        <List
          dataSource={items}
          renderItem={(v) => (
            <List.Item key={v.id} data-testid="verification">
              <Space direction="vertical" size={2} style={{ width: '100%' }}>
                <Typography.Text strong>{v.question}</Typography.Text>
                <Typography.Text type="secondary">
                  {v.requestedBy.name} → {v.target.name} · {formatDateTime(v.requestedAt)}
                </Typography.Text>
                <Typography.Text type="secondary">{t('verification.due', { phone: formatDateTime(v.phoneDueAt), written: formatDateTime(v.writtenDueAt) })}</Typography.Text>
                {(v.overdue.phone || v.overdue.written) && <Tag color="error">{t('verification.overdue')}</Tag>}
                {v.replies.map((r) => (
                  <div key={`${r.channel}-${r.repliedAt}`} data-testid="verification-reply">
                    <Tag>{t(r.channel === 'phone' ? 'task.reply.phone' : 'task.reply.written')}</Tag>
                    {r.measured.some((m) => m.late) ? <Tag color="error">{t('verification.late')}</Tag> : <Tag color="success">{t('verification.onTime')}</Tag>}
                    <Typography.Text>{r.text}</Typography.Text>
                    <Typography.Text type="secondary"> — {r.repliedBy} · {formatDateTime(r.repliedAt)}</Typography.Text>
                  </div>
                ))}
              </Space>
            </List.Item>
          )}
        />
      )}
      <RequestVerificationModal open={open} onClose={() => setOpen(false)} incidentNumber={incidentNumber} reportingUnitId={reportingUnitId} />
    </Card>
  );
}

/** Asks for a 核报: of the reporting unit by default, or of another unit the domain's rules allow (verificationTargets). */
function RequestVerificationModal({ open, onClose, incidentNumber, reportingUnitId }: { open: boolean; onClose: () => void; incidentNumber: string; reportingUnitId: string }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ question: string; targetUnitId: string }>();
  const units = useOrgUnits();
  const { me } = useSession();
  const targets = useMemo(
    () => (me && units.data ? verificationTargets(units.data, { requesterUnitId: me.unitId, reportingUnitId }) : []),
    [me, units.data, reportingUnitId],
  );
  const request = useRequestVerification(incidentNumber);
  const schema = useMemo(() => makeVerificationSchemas(locale).request, [locale]);
  const submit = (values: { question: string; targetUnitId: string }) => {
    clearIssues(form);
    // The API's rules, in the UI's language, before anything is sent
    const checked = schema.safeParse({ question: values.question?.trim() ?? '', targetUnitId: values.targetUnitId });
    if (!checked.success) {
      applyIssues(form, checked.error.issues);
      void message.error(issuesMessage(checked.error.issues, locale));
      return;
    }
    request.mutate(values, {
      onSuccess: () => {
        void message.success(t('verification.sent'));
        form.resetFields();
        onClose();
      },
      onError: (error) => reportSubmitError(form, error, locale, (text) => message.error(text)),
    });
  };
  return (
    <Modal open={open} title={t('verification.request')} onCancel={onClose} onOk={() => form.submit()} okText={t('verification.send')} confirmLoading={request.isPending} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ targetUnitId: reportingUnitId }} data-testid="verification-form">
        <Form.Item name="targetUnitId" label={t('verification.target')} required>
          <Select
            showSearch
            optionFilterProp="label"
            options={targets.map((u) => ({ value: u.id, label: locale === 'en' && u.nameEn ? u.nameEn : u.name }))}
            data-testid="verification-target"
          />
        </Form.Item>
        <Form.Item name="question" label={t('verification.question')} required>
          <Input.TextArea rows={3} maxLength={1000} showCount data-testid="verification-question" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
