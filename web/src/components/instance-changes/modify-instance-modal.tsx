import { makeModifyInstanceSchema, TRACE_REASON_MAX_LENGTH, type ChangeRefusalView } from '@kuaibao/domain';
import { Alert, App, Form, Input, Modal, Select } from 'antd';
import { useMemo, useState } from 'react';
import { useChangeOptions, useModifyInstance } from '../../api/instance-changes';
import { useI18n } from '../../i18n/i18n';
import { applyIssues, clearIssues, problemMessage, useClearIssuesOnLocaleChange } from '../../lib/form-errors';
import { ChangeRefusals, refusalsOf } from './change-refusals';

interface Values {
  terminate?: string[];
  activate?: string[];
  reason?: string;
}

const NOT_WAITING = new Set(['bpmn:BoundaryEvent']);

/**
 * 修改流程: cancel the token at active steps and activate others, with a reason, checked by the domain's schema before it
 * is sent; the engine's refusal (a token inside a sub-process without its scope, an unknown step, …) shows its reasons.
 */
export function ModifyInstanceModal({ instanceKey, name, onClose }: { instanceKey: string; name: string; onClose: () => void }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [refusals, setRefusals] = useState<ChangeRefusalView[] | null>(null);
  useClearIssuesOnLocaleChange(form, locale, () => setRefusals(null));
  const options = useChangeOptions(instanceKey, true);
  const modify = useModifyInstance();
  const schema = useMemo(() => makeModifyInstanceSchema(locale), [locale]);
  const label = (id: string, elementName: string | null) => `${elementName ?? id}（${id}）`;

  const submit = (values: Values) => {
    clearIssues(form);
    setRefusals(null);
    const parsed = schema.safeParse({ terminate: values.terminate ?? [], activate: values.activate ?? [], reason: values.reason });
    if (!parsed.success) return void applyIssues(form, parsed.error.issues);
    modify.mutate({ key: instanceKey, body: parsed.data }, {
      onSuccess: () => {
        void message.success(t('change.modify.done'));
        onClose();
      },
      onError: (error) => {
        const refused = refusalsOf(error);
        if (refused) return setRefusals(refused);
        if (error instanceof Error && 'problem' in error) applyIssues(form, ((error as { problem: { errors?: { path: string; message: string }[] } }).problem.errors ?? []).map((e) => ({ ...e, path: e.path.split('.')[0]! })));
        void message.error(problemMessage(error, locale));
      },
    });
  };

  const data = options.data;
  return (
    <Modal open title={t('change.modify.title', { target: name })} onCancel={onClose} onOk={() => form.submit()} okText={t('change.modify')} confirmLoading={modify.isPending} width={640}>
      {options.error && <Alert type="error" showIcon title={options.error.message} />}
      {refusals && <ChangeRefusals refusals={refusals} />}
      <Form form={form} layout="vertical" onFinish={submit} data-testid="modify-form">
        <Form.Item name="terminate" label={t('change.modify.terminate')}>
          <Select mode="multiple" loading={options.isLoading} placeholder={t('change.modify.terminatePlaceholder')} data-testid="modify-terminate" optionFilterProp="label"
            options={(data?.active ?? []).filter((a) => !NOT_WAITING.has(a.elementType)).map((a) => ({ value: a.elementInstanceKey, label: label(a.elementId, a.elementName) }))} />
        </Form.Item>
        <Form.Item name="activate" label={t('change.modify.activate')}>
          <Select mode="multiple" showSearch loading={options.isLoading} placeholder={t('change.modify.activatePlaceholder')} data-testid="modify-activate" optionFilterProp="label"
            options={(data?.elements ?? []).map((e) => ({ value: e.id, label: label(e.id, e.name) }))} />
        </Form.Item>
        <Form.Item name="reason" label={t('change.reason')} required>
          <Input.TextArea rows={3} maxLength={TRACE_REASON_MAX_LENGTH} showCount placeholder={t('change.reasonPlaceholder')} data-testid="change-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
