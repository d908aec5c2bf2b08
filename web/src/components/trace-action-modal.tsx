import { makeReassignSchema, makeTraceReasonSchema, parseCandidateGroup, TRACE_REASON_MAX_LENGTH } from '@kuaibao/domain';
import { Alert, App, Form, Input, Modal, Select } from 'antd';
import { useMemo } from 'react';
import { useAdminPeople } from '../api/org-admin';
import { useTraceAction, type TraceAction } from '../api/trace';
import { useI18n } from '../i18n/i18n';
import { applyIssues, clearIssues, useClearIssuesOnLocaleChange, reportSubmitError } from '../lib/form-errors';

/** What the modal acts on: an instance (催办, 终止) or a task (改派, 取消认领, with the task's candidate groups). */
export interface TraceTarget {
  action: TraceAction['action'];
  key: string;
  /** Shown in the title: the report or the step. */
  name: string;
  candidateGroups?: string[];
}

interface Values {
  reason?: string;
  assignee?: string;
}

/**
 * One action of 流程监控 with its required reason (a text area: Enter adds a line, it never sends a half-filled form),
 * checked by the domain's schema before sending; the API's field errors (an ineligible assignee) land on the fields.
 */
export function TraceActionModal({ target, onClose }: { target: TraceTarget; onClose: () => void }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  useClearIssuesOnLocaleChange(form, locale);
  const act = useTraceAction();
  const reassigning = target.action === 'reassign';
  const schema = useMemo(() => (reassigning ? makeReassignSchema(locale) : makeTraceReasonSchema(locale)), [reassigning, locale]);
  const actionName = t(`trace.action.${target.action}`);

  const submit = (values: Values) => {
    clearIssues(form);
    const parsed = schema.safeParse(reassigning ? values : { reason: values.reason });
    if (!parsed.success) return void applyIssues(form, parsed.error.issues);
    act.mutate({ action: target.action, key: target.key, body: parsed.data } as TraceAction, {
      onSuccess: () => {
        void message.success(t('trace.action.done', { action: actionName }));
        onClose();
      },
      onError: (error) => reportSubmitError(form, error, locale, (text) => message.error(text), onClose),
    });
  };

  return (
    <Modal open title={t('trace.action.title', { action: actionName, target: target.name })} onCancel={onClose} onOk={() => form.submit()} okText={actionName}
      okButtonProps={{ danger: target.action === 'cancel' }} confirmLoading={act.isPending}>
      {target.action === 'cancel' && <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('trace.action.cancelWarning')} />}
      <Form form={form} layout="vertical" onFinish={submit} data-testid="trace-action-form">
        {reassigning && (
          <Form.Item name="assignee" label={t('trace.action.assignee')} required>
            <EligiblePeople groups={target.candidateGroups ?? []} />
          </Form.Item>
        )}
        <Form.Item name="reason" label={t('trace.action.reason')} required>
          <Input.TextArea rows={3} maxLength={TRACE_REASON_MAX_LENGTH} showCount placeholder={t('trace.action.reasonPlaceholder')} data-testid="trace-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The active people holding one of the task's candidate groups (`unit:<id>:<role>`): whom it may be given to. */
function EligiblePeople({ groups, value, onChange }: { groups: string[]; value?: string; onChange?: (value: string) => void }) {
  const { t } = useI18n();
  const parsed = groups.map(parseCandidateGroup);
  const people = useAdminPeople({ unitId: parsed[0]?.unitId });
  const options = (people.data ?? [])
    .filter((p) => p.active && parsed.some((g) => g.unitId === p.unitId && (p.roles as string[]).includes(g.role)))
    .map((p) => ({ value: p.username, label: `${p.displayName}（${p.username}）` }));
  return (
    <Select showSearch optionFilterProp="label" value={value} onChange={onChange} options={options} loading={people.isLoading}
      placeholder={t('trace.action.assigneePlaceholder')} data-testid="trace-assignee" />
  );
}
