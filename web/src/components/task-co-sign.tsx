import { Alert, App, Button, Form, Input, Modal, Radio, Select } from 'antd';
import { useState } from 'react';
import { useAddCoSigner, useCoSigners, type CoSignPosition } from '../api/co-sign';
import { ApiError } from '../api/http';
import { useI18n } from '../i18n/i18n';
import { applyIssues, clearIssues, keepEnterFromSubmitting, problemMessage } from '../lib/form-errors';

interface Values { to?: string; position?: CoSignPosition; reason?: string }

/**
 * 加签 at a sign-off whose flow allows it (docs/adr/0041): a leader of the unit, its government or its superior
 * department, before me (前加签) or after me (后加签), and why. Shown only where the API offers positions.
 */
export function TaskCoSign({ taskKey, incidentNumber }: { taskKey: string; incidentNumber: string }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<Values>();
  const offer = useCoSigners(taskKey, true);
  const add = useAddCoSigner(incidentNumber);
  const positions = offer.data?.positions ?? [];
  if (positions.length === 0) return null;

  const submit = async () => {
    clearIssues(form);
    const values = form.getFieldsValue();
    const reason = values.reason?.trim() ?? '';
    const missing = [
      ...(!values.to ? [{ path: 'to', message: t('coSign.to.placeholder') }] : []),
      ...(!values.position ? [{ path: 'position', message: t('coSign.position.required') }] : []),
      ...(reason.length < 2 ? [{ path: 'reason', message: `${t('coSign.reason')}：${locale === 'en' ? 'at least 2 characters' : '至少 2 个字'}` }] : []),
    ];
    if (missing.length) {
      applyIssues(form, missing);
      return;
    }
    try {
      const result = await add.mutateAsync({ key: taskKey, body: { to: values.to!, position: values.position!, reason } });
      void message.success(t('coSign.done', { name: result.coSignerName }));
      form.resetFields();
      setOpen(false);
    } catch (error) {
      if (error instanceof ApiError && error.problem.errors?.length) applyIssues(form, error.problem.errors);
      else form.setFields([{ name: 'reason', errors: [problemMessage(error as Error, locale)] }]);
    }
  };

  return (
    <>
      <Button size="small" onClick={() => setOpen(true)} data-testid="co-sign">{t('coSign.add')}</Button>
      <Modal
        open={open}
        title={t('coSign.title')}
        okText={t('coSign.ok')}
        cancelText={t('confirm.cancel')}
        okButtonProps={{ loading: add.isPending, ...({ 'data-testid': 'co-sign-ok' } as Record<`data-${string}`, string>) }}
        onOk={() => void submit()}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <div data-testid="co-sign-modal">
          <Alert type="info" showIcon title={t('coSign.hint')} style={{ marginBottom: 12 }} />
          <Form form={form} layout="vertical" onKeyDown={keepEnterFromSubmitting}>
            <Form.Item name="to" label={t('coSign.to')} required>
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                options={(offer.data?.people ?? []).map((p) => ({ value: p.username, label: p.displayName }))}
                placeholder={t('coSign.to.placeholder')}
                notFoundContent={t('coSign.nobody')}
                data-testid="co-sign-to"
              />
            </Form.Item>
            <Form.Item name="position" label={t('coSign.position')} required>
              <Radio.Group>
                {positions.map((p) => <Radio key={p} value={p} data-testid={`co-sign-${p}`}>{t(p === 'before' ? 'coSign.position.before' : 'coSign.position.after')}</Radio>)}
              </Radio.Group>
            </Form.Item>
            <Form.Item name="reason" label={t('coSign.reason')} required>
              <Input.TextArea rows={3} maxLength={500} showCount data-testid="co-sign-reason" />
            </Form.Item>
          </Form>
        </div>
      </Modal>
    </>
  );
}
