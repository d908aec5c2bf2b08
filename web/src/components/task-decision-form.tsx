import { makeTaskDecisionSchemas } from '@kuaibao/domain';
import { Alert, App, Button, Collapse, Form, Input, Radio } from 'antd';
import { useMemo } from 'react';
import { useNavigate } from 'react-router';
import { useTaskAction } from '../api/queries';
import type { ReportContent, TaskDetail } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { applyIssues, clearFixedIssues, clearIssues, keepEnterFromSubmitting, useClearIssuesOnLocaleChange, reportSubmitError } from '../lib/form-errors';
import type { MessageKey } from '../i18n/messages';
import { CorrectionFields, changedCorrections, type CorrectionValues } from './correction-fields';

interface Values {
  decision?: string;
  opinion?: string;
  corrections?: CorrectionValues;
  channel?: 'phone' | 'written';
  reply?: string;
}

const DECISIONS: Record<string, string[] | undefined> = { verify: ['confirm', 'close'], sign_off: ['approve', 'return'], sector_sign_off: ['approve', 'return'], approve_upward: ['approve'] };
const DECISION_LABELS: Record<string, Record<string, MessageKey>> = {
  verify: { confirm: 'task.verify.confirm', close: 'task.verify.close' },
  sign_off: { approve: 'task.signOff.approve', return: 'task.signOff.return' },
  sector_sign_off: { approve: 'task.signOff.approve', return: 'task.signOff.return' },
  approve_upward: { approve: 'task.approveUpward.approve' },
};
/** 核报反馈 (ADR 0011): a channel and the answer instead of a decision and an opinion. */
const ANSWER_KIND = 'answer_verification';
const NEEDS_OPINION = new Set(['close', 'return']);

/**
 * What the task asks, as a form: 核实 (confirm with optional corrections, or close with a reason),
 * 审签 (approve, or return with an opinion), 核准上报 (approve), 核报反馈 (channel and answer), 签收 (acknowledge). Validated with the domain's decision
 * schemas (the ones the API parses with), in the UI's language; API field errors land on the same fields.
 */
export function TaskDecisionForm({ detail }: { detail: TaskDetail }) {
  const { t, locale } = useI18n();
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  useClearIssuesOnLocaleChange(form, locale);
  const action = useTaskAction();
  const kind = detail.task.kind ?? '';
  const choices = DECISIONS[kind];
  const schemas = useMemo(() => makeTaskDecisionSchemas({ locale }).byKind, [locale]);
  const schema = schemas[kind as keyof typeof schemas] as (typeof schemas)[keyof typeof schemas] | undefined;
  const decision = Form.useWatch('decision', form);
  if (!schema) return <Alert type="info" showIcon title={detail.task.name ?? kind} />;

  /** The request body these values make (what the schema checks and the API gets). */
  const bodyOf = (values: Values): Record<string, unknown> => {
    const opinion = values.opinion?.trim() ?? '';
    const body: Record<string, unknown> =
      kind === ANSWER_KIND
        ? { channel: values.channel, reply: values.reply?.trim() ?? '' }
        : { ...(choices && { decision: values.decision }), ...((opinion || NEEDS_OPINION.has(values.decision ?? '')) && { opinion }) };
    if (values.decision === 'confirm' && values.corrections) {
      const corrections = changedCorrections(detail.report.content, values.corrections);
      if (corrections) body.corrections = corrections;
    }
    return body;
  };

  const submit = (values: Values) => {
    clearIssues(form);
    const body = bodyOf(values);
    const parsed = schema.safeParse(body);
    if (!parsed.success) return applyIssues(form, parsed.error.issues);
    // 不属实，关闭 and 退回 undo work: asked once more before they are sent.
    const destructive = values.decision === 'close' ? 'close' : values.decision === 'return' ? 'return' : null;
    if (destructive) {
      modal.confirm({
        title: t(`confirm.${destructive}.title`),
        content: t(`confirm.${destructive}.body`),
        okText: t('confirm.ok'),
        cancelText: t('confirm.cancel'),
        okButtonProps: { danger: true, ...({ 'data-testid': 'confirm-ok' } as Record<`data-${string}`, string>) },
        onOk: () => send(body),
      });
      return;
    }
    send(body);
  };

  const send = (body: Record<string, unknown>) => {
    action.mutate(
      { key: detail.task.key, action: 'complete', body, incidentNumber: detail.report.incidentNumber },
      {
        onSuccess: () => {
          void message.success(t('task.completed'));
          void navigate('/inbox');
        },
        onError: (error) => reportSubmitError(form, error, locale, (text) => message.error(text)),
      },
    );
  };

  return (
    <Form form={form} layout="vertical" onFinish={submit} initialValues={{ decision: choices?.[0], channel: 'phone', corrections: correctionDefaults(detail.report.content) }}
      onKeyDown={keepEnterFromSubmitting}
      onValuesChange={() => clearFixedIssues(form, schema.safeParse(bodyOf(form.getFieldsValue(true) as Values)).error?.issues ?? [])}
      data-testid="decision-form"
    >
      {kind === ANSWER_KIND && (
        <>
          <Form.Item name="channel" label={t('task.reply.channel')}>
            <Radio.Group optionType="button" buttonStyle="solid">
              <Radio.Button value="phone" data-testid="channel-phone">{t('task.reply.phone')}</Radio.Button>
              <Radio.Button value="written" data-testid="channel-written">{t('task.reply.written')}</Radio.Button>
            </Radio.Group>
          </Form.Item>
          <Form.Item name="reply" label={t('task.reply.text')} required>
            <Input.TextArea rows={4} maxLength={4000} showCount data-testid="reply" />
          </Form.Item>
        </>
      )}
      {choices && (
        <Form.Item name="decision" label={t('task.decision')}>
          <Radio.Group optionType="button" buttonStyle="solid">
            {choices.map((c) => (
              <Radio.Button key={c} value={c} data-testid={`decision-${c}`}>
                {t((kind === 'sign_off' || kind === 'sector_sign_off') && c === 'return' && detail.report.kind !== 'first' ? 'task.signOff.returnToReporter' : DECISION_LABELS[kind]?.[c] ?? 'task.submit')}
              </Radio.Button>
            ))}
          </Radio.Group>
        </Form.Item>
      )}
      {kind !== ANSWER_KIND && (
        <Form.Item name="opinion" label={t('task.opinion')} required={NEEDS_OPINION.has(decision ?? '')}>
          <Input.TextArea rows={3} maxLength={2000} showCount placeholder={t('task.opinion.placeholder')} data-testid="opinion" />
        </Form.Item>
      )}
      {decision === 'confirm' && (
        <Collapse
          size="small"
          style={{ marginBottom: 16 }}
          items={[{ key: 'corrections', label: t('task.corrections'), forceRender: true, children: <CorrectionFields /> }]}
        />
      )}
      <Button type="primary" htmlType="submit" loading={action.isPending} data-testid="complete">
        {choices || kind === ANSWER_KIND ? t('task.submit') : t('task.acknowledge')}
      </Button>
    </Form>
  );
}

function correctionDefaults(content: ReportContent): CorrectionValues {
  return {
    title: content.title,
    category: content.category,
    severity: content.severity,
    casualties: content.casualties,
    economicLossYuan: content.economicLossYuan,
    course: content.course,
    harm: content.harm,
  };
}
