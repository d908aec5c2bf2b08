import { makeReportSchemas } from '@kuaibao/domain';
import { Alert, App, Button, Form, Popconfirm, Skeleton, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../api/http';
import { useDossier, useSubmitReport } from '../api/queries';
import { useSession } from '../api/session';
import { ContactFields, EventFields, ImpactFields, TimePlaceFields } from '../components/report-form-fields';
import { ThresholdFields } from '../components/threshold-fields';
import { useI18n } from '../i18n/i18n';
import { applyIssues, clearFixedIssues, clearIssues, keepEnterFromSubmitting, useClearIssuesOnLocaleChange } from '../lib/form-errors';
import { draftStore, toFirstReport, writtenAfterPhone, type ReportFormValues } from '../lib/report-draft';
import { formatDateTime } from '../lib/time';

/** The five required counts start at 0, what most first reports state; the reporter changes those that are not. */
const NO_CASUALTIES = { dead: 0, injured: 0, seriouslyInjured: 0, missing: 0, trapped: 0 };

/**
 * 首报: every element a first report requires, validated in the browser with the domain's own schema
 * (in the UI's language) before it is sent; the API's field errors land on the same fields.
 * With `?incident=<number>` it is the written report after that dossier's phone report, prefilled from it.
 */
export function NewReportPage() {
  const { t, locale } = useI18n();
  const { me } = useSession();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<ReportFormValues>();
  const submit = useSubmitReport();
  const username = me?.username ?? '';
  const [params] = useSearchParams();
  const afterPhone = useDossier(params.get('incident') ?? undefined);
  const phoneDossier = afterPhone.data;
  const draft = useMemo(() => (params.get('incident') ? null : draftStore.load(username)), [username, params]);
  const [formError, setFormError] = useState<string | null>(null);
  useClearIssuesOnLocaleChange(form, locale, () => setFormError(null));
  const schemas = useMemo(() => makeReportSchemas({ locale, now: () => new Date() }), [locale]);
  if (!me) return null;
  if (afterPhone.isLoading) return <Skeleton active />;

  const showIssues = (issues: readonly { path: string | readonly PropertyKey[]; message: string }[]) => {
    // The incident number has no field of its own (it comes from the phone report's dossier): its message goes on top.
    const isGeneral = (i: { path: string | readonly PropertyKey[] }) => i.path.length === 0 || String(i.path) === 'incidentNumber';
    const general = issues.filter(isGeneral).map((i) => i.message);
    applyIssues(form, issues.filter((i) => !isGeneral(i)));
    setFormError([t('report.fixErrors'), ...general].join('；'));
  };

  const current = () => toFirstReport(form.getFieldsValue(true) as ReportFormValues, me.unitId);
  const check = () => schemas.first.safeParse(current());

  const onSubmit = () => {
    setFormError(null);
    clearIssues(form);
    const report = current();
    const parsed = schemas.first.safeParse(report);
    if (!parsed.success) return showIssues(parsed.error.issues);
    submit.mutate(report, {
      onSuccess: ({ incidentNumber, threshold }) => {
        if (!phoneDossier) draftStore.clear(username);
        void message.success(t('report.submitted', { number: incidentNumber }));
        // the API's verdict on the reporting threshold (seed 003), with the rule it cites
        void message.info(`${t(threshold.required ? 'report.threshold.required' : 'report.threshold.voluntary')}：${threshold.rule}`, 8);
        void navigate(`/incidents/${incidentNumber}`);
      },
      onError: (error) => {
        if (error instanceof ApiError && error.problem.errors?.length) showIssues(error.problem.errors);
        else setFormError(error.message);
      },
    });
  };

  const saveDraft = () => {
    const values = form.getFieldsValue(true) as ReportFormValues;
    draftStore.save(username, values);
    clearIssues(form);
    const checked = schemas.draft.safeParse(toFirstReport(values, me.unitId));
    if (checked.success) return void message.success(t('report.draftSaved'));
    const count = applyIssues(form, checked.error.issues);
    void message.warning(t('report.draftInvalid', { n: count }));
  };

  const discardDraft = () => {
    draftStore.clear(username);
    form.resetFields();
    void message.info(t('report.draftCleared'));
  };

  return (
    <div className="kb-narrow">
      <div className="kb-page-title">
        <Typography.Title level={3}>{t('report.title')}</Typography.Title>
      </div>
      {phoneDossier && <Alert type="info" showIcon title={t('phone.prefilled', { number: phoneDossier.number })} style={{ marginBottom: 16 }} data-testid="written-after-phone" />}
      {draft && <Alert type="info" showIcon closable title={t('report.draftRestored', { at: formatDateTime(draft.savedAt) })} style={{ marginBottom: 16 }} data-testid="draft-restored" />}
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} data-testid="form-error" />}
      <Form
        form={form}
        layout="vertical"
        scrollToFirstError
        initialValues={phoneDossier ? { casualties: NO_CASUALTIES, ...writtenAfterPhone(phoneDossier, me.displayName) } : draft?.values ?? { contact: { name: me.displayName }, casualties: NO_CASUALTIES, sensitive: false, mayEscalate: false }}
        onFinish={onSubmit}
        onKeyDown={keepEnterFromSubmitting}
        onValuesChange={() => clearFixedIssues(form, check().error?.issues ?? [])}
        data-testid="report-form"
      >
        <EventFields />
        <TimePlaceFields />
        <ImpactFields />
        <ThresholdFields />
        <ContactFields unitName={me.unitName} />
        <div className="kb-form-actions">
          <Button type="primary" htmlType="submit" loading={submit.isPending} data-testid="submit-report">{t('report.submit')}</Button>
          <Button onClick={saveDraft} data-testid="save-draft">{t('report.saveDraft')}</Button>
          <Popconfirm title={t('report.discardDraft')} onConfirm={discardDraft}>
            <Button danger type="text">{t('report.discardDraft')}</Button>
          </Popconfirm>
        </div>
      </Form>
    </div>
  );
}
