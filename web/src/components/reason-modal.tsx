import { Alert, Form, Input, Modal, Select } from 'antd';
import { ApiError } from '../api/http';
import { useI18n } from '../i18n/i18n';
import { applyIssues, clearIssues, keepEnterFromSubmitting, problemMessage } from '../lib/form-errors';

interface Values {
  to?: string;
  reason?: string;
}

/**
 * A confirmation that asks why (撤回, 转办, 委派, 归还): a required reason — and a person, when `people` is given —
 * checked before it is sent; the API's field errors land on the fields, other refusals (403, 409) above them.
 */
export function ReasonModal(props: {
  open: boolean;
  title: string;
  hint?: string;
  reasonLabel: string;
  /** The field the API names for the text (`reason` or `opinion`). */
  field?: 'reason' | 'opinion';
  okText: string;
  danger?: boolean;
  people?: { value: string; label: string }[];
  onSubmit: (values: { to?: string; reason: string }) => Promise<unknown>;
  onClose: () => void;
  testId: string;
}) {
  const { t, locale } = useI18n();
  const [form] = Form.useForm<Values>();
  const field = props.field ?? 'reason';
  const submit = async () => {
    clearIssues(form);
    const values = form.getFieldsValue();
    const reason = values.reason?.trim() ?? '';
    const missing = [
      ...(props.people && !values.to ? [{ path: 'to', message: t('handOn.to.placeholder') }] : []),
      ...(reason.length < 2 ? [{ path: 'reason', message: `${props.reasonLabel}：${locale === 'en' ? 'at least 2 characters' : '至少 2 个字'}` }] : []),
    ];
    if (missing.length) {
      applyIssues(form, missing);
      throw new Error('invalid');
    }
    try {
      await props.onSubmit({ ...(values.to && { to: values.to }), reason });
      form.resetFields();
    } catch (error) {
      if (error instanceof ApiError && error.problem.errors?.length) applyIssues(form, error.problem.errors.map((e) => ({ ...e, path: e.path === field ? 'reason' : e.path })));
      else form.setFields([{ name: 'reason', errors: [problemMessage(error as Error, locale)] }]);
      throw error;
    }
  };
  return (
    <Modal
      open={props.open}
      title={props.title}
      okText={props.okText}
      cancelText={t('confirm.cancel')}
      okButtonProps={{ danger: !!props.danger, ...({ 'data-testid': `${props.testId}-ok` } as Record<`data-${string}`, string>) }}
      onOk={() => submit().catch(() => undefined).then(() => undefined)}
      onCancel={props.onClose}
      destroyOnHidden
    >
      <div data-testid={props.testId}>
      {props.hint && <Alert type="warning" showIcon title={props.hint} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onKeyDown={keepEnterFromSubmitting}>
        {props.people && (
          <Form.Item name="to" label={t('handOn.to')} required>
            <Select showSearch={{ optionFilterProp: 'label' }} options={props.people} placeholder={t('handOn.to.placeholder')} notFoundContent={t('handOn.nobody')} data-testid={`${props.testId}-to`} />
          </Form.Item>
        )}
        <Form.Item name="reason" label={props.reasonLabel} required>
          <Input.TextArea rows={3} maxLength={500} showCount data-testid={`${props.testId}-reason`} />
        </Form.Item>
      </Form>
      </div>
    </Modal>
  );
}
