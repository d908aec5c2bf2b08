import { makeTaskDecisionSchemas } from '@kuaibao/domain';
import { Alert, App, Button, Collapse, Form, Input, Radio } from 'antd';
import { useMemo } from 'react';
import { useNavigate } from 'react-router';
import { ApiError } from '../api/http';
import { useTaskAction } from '../api/queries';
import type { ReportContent, TaskDetail } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { applyIssues, clearIssues } from '../lib/form-errors';
import { CorrectionFields, changedCorrections, type CorrectionValues } from './correction-fields';

interface Values {
  decision?: string;
  opinion?: string;
  corrections?: CorrectionValues;
}

const DECISIONS: Record<string, [string, string] | undefined> = { verify: ['confirm', 'close'], sign_off: ['approve', 'return'] };
const NEEDS_OPINION = new Set(['close', 'return']);

/**
 * What the task asks, as a form: 核实 (confirm with optional corrections, or close with a reason),
 * 审签 (approve, or return with an opinion), 签收 (acknowledge). Validated with the domain's decision
 * schemas (the ones the API parses with), in the UI's language; API field errors land on the same fields.
 */
export function TaskDecisionForm({ detail }: { detail: TaskDetail }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const action = useTaskAction();
  const kind = detail.task.kind ?? '';
  const choices = DECISIONS[kind];
  const schemas = useMemo(() => makeTaskDecisionSchemas({ locale }).byKind, [locale]);
  const schema = schemas[kind as keyof typeof schemas] as (typeof schemas)[keyof typeof schemas] | undefined;
  const decision = Form.useWatch('decision', form);
  if (!schema) return <Alert type="info" showIcon title={detail.task.name ?? kind} />;

  const submit = (values: Values) => {
    clearIssues(form);
    const opinion = values.opinion?.trim() ?? '';
    const body: Record<string, unknown> = {
      ...(choices && { decision: values.decision }),
      ...((opinion || NEEDS_OPINION.has(values.decision ?? '')) && { opinion }),
    };
    if (values.decision === 'confirm' && values.corrections) {
      const corrections = changedCorrections(detail.report.content, values.corrections);
      if (corrections) body.corrections = corrections;
    }
    const parsed = schema.safeParse(body);
    if (!parsed.success) return applyIssues(form, parsed.error.issues);
    action.mutate(
      { key: detail.task.key, action: 'complete', body, incidentNumber: detail.report.incidentNumber },
      {
        onSuccess: () => {
          void message.success(t('task.completed'));
          void navigate('/inbox');
        },
        onError: (error) => {
          if (error instanceof ApiError && error.problem.errors?.length) applyIssues(form, error.problem.errors);
          void message.error(error.message);
        },
      },
    );
  };

  return (
    <Form form={form} layout="vertical" onFinish={submit} initialValues={{ decision: choices?.[0], corrections: correctionDefaults(detail.report.content) }} data-testid="decision-form">
      {choices && (
        <Form.Item name="decision" label={t('task.decision')}>
          <Radio.Group optionType="button" buttonStyle="solid">
            {choices.map((c) => (
              <Radio.Button key={c} value={c} data-testid={`decision-${c}`}>
                {t(kind === 'verify' ? (c === 'confirm' ? 'task.verify.confirm' : 'task.verify.close') : c === 'approve' ? 'task.signOff.approve' : detail.report.kind === 'first' ? 'task.signOff.return' : 'task.signOff.returnToReporter')}
              </Radio.Button>
            ))}
          </Radio.Group>
        </Form.Item>
      )}
      <Form.Item name="opinion" label={t('task.opinion')} required={NEEDS_OPINION.has(decision ?? '')}>
        <Input.TextArea rows={3} maxLength={2000} showCount placeholder={t('task.opinion.placeholder')} data-testid="opinion" />
      </Form.Item>
      {decision === 'confirm' && (
        <Collapse
          size="small"
          style={{ marginBottom: 16 }}
          items={[{ key: 'corrections', label: t('task.corrections'), forceRender: true, children: <CorrectionFields /> }]}
        />
      )}
      <Button type="primary" htmlType="submit" loading={action.isPending} data-testid="complete">
        {choices ? t('task.submit') : t('task.acknowledge')}
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
