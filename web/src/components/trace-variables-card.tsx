import { LOCKED_VARIABLES, makeVariableEditSchema, TRACE_REASON_MAX_LENGTH } from '@kuaibao/domain';
import { Alert, App, Button, Card, Form, Input, Modal, Table, Typography } from 'antd';
import { useState, type HTMLAttributes } from 'react';
import { useEditVariable } from '../api/trace-variables';
import { useI18n } from '../i18n/i18n';
import { applyIssues, clearIssues, reportSubmitError, useClearIssuesOnLocaleChange } from '../lib/form-errors';

interface Row { name: string; value: unknown }
const text = (value: unknown) => JSON.stringify(value) ?? 'null';

/**
 * The instance page's variables (docs/adr/0045): each with its JSON value and, while the flow runs, 修改 — except the
 * ones tying the flow to its report, and never for a 涉密 report (its values are masked by the API and not editable).
 */
export function TraceVariablesCard({ instanceKey, variables, classified, running }: { instanceKey: string; variables: Record<string, unknown>; classified: boolean; running: boolean }) {
  const { t } = useI18n();
  const [editing, setEditing] = useState<Row | null>(null);
  const rows = Object.entries(variables).map(([name, value]) => ({ name, value })).sort((a, b) => a.name.localeCompare(b.name));
  return (
    <Card size="small" title={t('trace.variables')} data-testid="trace-variables">
      {classified && <Alert type="info" showIcon style={{ marginBottom: 8 }} title={t('trace.classified')} />}
      <Table<Row> rowKey="name" size="small" dataSource={rows} pagination={false} scroll={{ x: 'max-content', y: 360 }}
        onRow={(r) => ({ 'data-testid': 'trace-variable', 'data-name': r.name }) as HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('trace.var.name'), dataIndex: 'name', key: 'name' },
          { title: t('trace.var.value'), key: 'value', render: (_, r) => <Typography.Text code data-testid="trace-variable-value" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>{text(r.value)}</Typography.Text> },
          {
            title: '', key: 'edit',
            render: (_, r) => !classified && running && (LOCKED_VARIABLES.includes(r.name)
              ? <Typography.Text type="secondary">{t('trace.var.locked')}</Typography.Text>
              : <Button size="small" data-testid="trace-variable-edit" onClick={() => setEditing(r)}>{t('trace.var.edit')}</Button>),
          },
        ]} />
      {editing && <EditVariableModal instanceKey={instanceKey} variable={editing} onClose={() => setEditing(null)} />}
    </Card>
  );
}

interface Values { value?: string; reason?: string }

/** The new value as JSON text and the required reason, checked by the domain's schema; a 409 (changed meanwhile) closes it. */
function EditVariableModal({ instanceKey, variable, onClose }: { instanceKey: string; variable: Row; onClose: () => void }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  useClearIssuesOnLocaleChange(form, locale);
  const edit = useEditVariable();

  const submit = (values: Values) => {
    clearIssues(form);
    let value: unknown;
    try {
      value = JSON.parse(values.value ?? '');
    } catch {
      return void applyIssues(form, [{ path: ['value'], message: t('trace.var.badJson') }]);
    }
    const parsed = makeVariableEditSchema(locale).safeParse({ value, expected: variable.value, reason: values.reason });
    if (!parsed.success) return void applyIssues(form, parsed.error.issues);
    edit.mutate({ instanceKey, name: variable.name, value: parsed.data.value, expected: parsed.data.expected, reason: parsed.data.reason }, {
      onSuccess: () => {
        void message.success(t('trace.var.done', { name: variable.name }));
        onClose();
      },
      onError: (error) => reportSubmitError(form, error, locale, (m) => message.error(m), onClose),
    });
  };

  return (
    <Modal open title={t('trace.var.title', { name: variable.name })} onCancel={onClose} onOk={() => form.submit()} okText={t('trace.var.edit')} confirmLoading={edit.isPending}>
      <Typography.Paragraph type="secondary">{t('trace.var.current')}：<Typography.Text code>{text(variable.value)}</Typography.Text></Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ value: text(variable.value) }} data-testid="trace-variable-form">
        <Form.Item name="value" label={t('trace.var.newValue')} required>
          <Input.TextArea rows={3} data-testid="trace-variable-input" />
        </Form.Item>
        <Form.Item name="reason" label={t('trace.action.reason')} required>
          <Input.TextArea rows={3} maxLength={TRACE_REASON_MAX_LENGTH} showCount placeholder={t('trace.action.reasonPlaceholder')} data-testid="trace-variable-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
