import {
  CLOCK_CHANNELS, CLOCK_ORIGINS, CLOCK_PARTIES, CLOCK_RECIPIENTS, CLOCK_REPORT_KINDS, ESCALATION_RECIPIENTS, POLICY_SEVERITIES, SEVERITIES, beijingDay, policySchema,
  type ClockRule, type Policy,
} from '@kuaibao/domain';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Checkbox, Empty, Input, Select, Space, Spin, Switch, Table, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { ApiError } from '../../api/http';
import { useI18n } from '../../i18n/i18n';
import { formatDateTime } from '../../lib/time';
import { useMyJurisdiction } from './designer-api';
import { errorKey, usePolicyText, type PolicyKey } from './policy-messages';
import { policyKey, previewPolicy, savePolicy, usePolicy, type JurisdictionPolicy, type PolicyPreview } from './policy-api';

type Editable = Omit<Policy, 'code' | 'version' | 'effectiveFrom'>;

const editable = ({ code: _c, version: _v, effectiveFrom: _e, ...rest }: Policy): Editable => rest;

/** The form's inline errors: the domain's schema run in the browser, by field path (the server answers the same paths). */
function errorsOf(policy: Editable): Map<string, string> {
  const result = policySchema.safeParse({ ...policy, code: 'default', version: 1, effectiveFrom: '2000-01-01' });
  return new Map(result.success ? [] : result.error.issues.map((i) => [i.path.join('.'), i.message] as const));
}

/** 时限政策: the jurisdiction's deadline policy as a form, checked as typed, with a preview of a sample report's deadlines. */
export function PolicyPage() {
  const jurisdiction = useMyJurisdiction();
  const text = usePolicyText();
  const policy = usePolicy(jurisdiction.data);
  if (jurisdiction.data === null) return <Empty description={text('noJurisdiction')} />;
  if (policy.isLoading || !jurisdiction.data) return <Spin />;
  if (!policy.data) return <Alert type="error" showIcon message={policy.error?.message} />;
  return <PolicyForm key={policy.data.versions[0]?.version ?? 0} loaded={policy.data} />;
}

function PolicyForm({ loaded }: { loaded: JurisdictionPolicy }) {
  const text = usePolicyText();
  const { labels, locale } = useI18n();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [draft, setDraft] = useState<Editable>(() => editable(loaded.policy));
  const [effectiveFrom, setEffectiveFrom] = useState(() => beijingDay(new Date()));
  const [comment, setComment] = useState('');
  const [sample, setSample] = useState({ severity: 'III', sensitive: false, time: '10:00' });
  const [preview, setPreview] = useState<PolicyPreview | null>(null);
  const [serverErrors, setServerErrors] = useState<Map<string, string>>(new Map());
  const [saving, setSaving] = useState(false);
  const errors = useMemo(() => errorsOf(draft), [draft]);
  const allErrors = new Map([...serverErrors, ...errors]);
  const err = (path: string) => allErrors.get(path);
  const own = loaded.inheritedFrom === null;
  const baseVersion = own ? (loaded.versions[0]?.version ?? null) : null;

  // The preview asks the server, which computes it with the clocks' own functions.
  useEffect(() => {
    if (errors.size > 0) return;
    const handle = setTimeout(() => {
      const day = beijingDay(new Date());
      const at = new Date(`${day}T${/^\d{2}:\d{2}$/.test(sample.time) ? sample.time : '10:00'}:00+08:00`).toISOString();
      previewPolicy(loaded.jurisdiction, draft, { severity: sample.severity, sensitive: sample.sensitive, kind: 'first', occurredAt: at, receivedAt: at }).then(setPreview, () => setPreview(null));
    }, 250);
    return () => clearTimeout(handle);
  }, [draft, sample, errors.size, loaded.jurisdiction]);

  const update = (patch: Partial<Editable>) => {
    setServerErrors(new Map());
    setDraft((d) => ({ ...d, ...patch }));
  };
  const updateClock = (index: number, patch: Partial<ClockRule>) => update({ clocks: draft.clocks.map((c, i) => (i === index ? { ...c, ...patch } : c)) });
  const removeClock = (index: number) => update({ clocks: draft.clocks.filter((_, i) => i !== index) });
  const addClock = () => update({ clocks: [...draft.clocks, { severity: 'IV', reportKind: 'first', channel: 'phone', within: 'PT1H', from: 'received', by: 'reporting_unit', rule: '' }] });

  const save = async () => {
    setSaving(true);
    try {
      const saved = await savePolicy(loaded.jurisdiction, { baseVersion, effectiveFrom, comment, policy: draft });
      void message.success(text('saved', { version: saved.version, date: saved.effectiveFrom }));
      setComment('');
      await client.invalidateQueries({ queryKey: policyKey(loaded.jurisdiction) });
    } catch (error) {
      if (error instanceof ApiError) {
        const fields = (error.problem as { errors?: { path: string; message: string }[] }).errors ?? [];
        setServerErrors(new Map(fields.map((f) => [f.path.replace(/^policy\./, ''), f.message])));
      }
      void message.error(error instanceof Error ? error.message : String(error));
    } finally {
      setSaving(false);
    }
  };

  const options = <K extends PolicyKey>(prefix: string, values: readonly string[]) => values.map((v) => ({ value: v, label: text(`${prefix}.${v}` as K) }));
  const severityOptions = POLICY_SEVERITIES.map((s) => ({ value: s, label: s === 'any' ? text('severity.any') : labels.severity[s] }));
  const fieldError = (path: string) => {
    const message = err(path);
    if (!message) return null;
    const key = errorKey(path);
    return <Typography.Text key={path} type="danger" data-testid="field-error" data-path={path}>{key ? text(key) : message}</Typography.Text>;
  };

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <div>
        <Link to="/designer">{text('back')}</Link>
        <Typography.Title level={3} style={{ margin: '4px 0' }}>{text('title')} · {loaded.policy.name}</Typography.Title>
        <Typography.Text type="secondary">
          {own ? text('ownPolicy', { version: loaded.versions[0]?.version ?? '', inEffect: loaded.inEffect ?? '—' }) : text('inherited', { code: loaded.inheritedFrom ?? '' })}
        </Typography.Text>
      </div>
      <Card title={text('clocks')} size="small" extra={<Button onClick={addClock} data-testid="add-clock">{text('addClock')}</Button>}>
        <Table
          size="small"
          rowKey={(_, i) => String(i)}
          pagination={false}
          dataSource={draft.clocks.map((c, i) => ({ ...c, index: i }))}
          scroll={{ x: true }}
          columns={[
            { title: text('severity'), render: (_, c) => <Select aria-label={text('severity')} style={{ width: 130 }} value={c.severity} options={severityOptions} onChange={(v) => updateClock(c.index, { severity: v })} /> },
            {
              title: text('sensitive'),
              render: (_, c) => (
                <Select aria-label={text('sensitive')} style={{ width: 100 }} value={c.sensitive === undefined ? 'all' : String(c.sensitive)} onChange={(v: string) => updateClock(c.index, { sensitive: v === 'all' ? undefined : v === 'true' })}
                  options={[{ value: 'all', label: text('sensitive.all') }, { value: 'true', label: text('sensitive.true') }, { value: 'false', label: text('sensitive.false') }]} />
              ),
            },
            { title: text('reportKind'), render: (_, c) => <Select aria-label={text('reportKind')} style={{ width: 100 }} value={c.reportKind} options={options('reportKind', CLOCK_REPORT_KINDS)} onChange={(v) => updateClock(c.index, { reportKind: v })} /> },
            { title: text('channel'), render: (_, c) => <Select aria-label={text('channel')} style={{ width: 80 }} value={c.channel} options={options('channel', CLOCK_CHANNELS)} onChange={(v) => updateClock(c.index, { channel: v })} /> },
            { title: text('from'), render: (_, c) => <Select aria-label={text('from')} style={{ width: 90 }} value={c.from} options={options('from', CLOCK_ORIGINS)} onChange={(v) => updateClock(c.index, { from: v })} /> },
            {
              title: text('within'),
              render: (_, c) => (
                <Space direction="vertical" size={0}>
                  <Input aria-label={text('within')} data-testid={`within-${c.index}`} style={{ width: 110 }} value={c.within} status={err(`clocks.${c.index}.within`) ? 'error' : undefined} onChange={(e) => updateClock(c.index, { within: e.target.value.trim().toUpperCase() })} />
                  {fieldError(`clocks.${c.index}.within`)}
                </Space>
              ),
            },
            { title: text('to'), render: (_, c) => <Select aria-label={text('to')} allowClear style={{ width: 160 }} value={c.to} options={options('to', CLOCK_RECIPIENTS)} onChange={(v) => updateClock(c.index, { to: v ?? undefined })} /> },
            { title: text('by'), render: (_, c) => <Select aria-label={text('by')} style={{ width: 110 }} value={c.by} options={options('by', CLOCK_PARTIES)} onChange={(v) => updateClock(c.index, { by: v })} /> },
            {
              title: text('rule'),
              render: (_, c) => (
                <Space direction="vertical" size={0}>
                  <Input.TextArea aria-label={text('rule')} data-testid={`rule-${c.index}`} autoSize style={{ minWidth: 260 }} value={c.rule} status={err(`clocks.${c.index}.rule`) ? 'error' : undefined} onChange={(e) => updateClock(c.index, { rule: e.target.value })} />
                  {fieldError(`clocks.${c.index}.rule`)}
                  {fieldError(`clocks.${c.index}`)}
                </Space>
              ),
            },
            { title: '', render: (_, c) => <Button danger size="small" onClick={() => removeClock(c.index)}>{text('remove')}</Button> },
          ]}
        />
      </Card>
      <Card title={text('reminders')} size="small">
        <Space direction="vertical" style={{ width: '100%' }}>
          <Select mode="tags" aria-label={text('reminders')} data-testid="reminders" style={{ width: '100%' }} value={draft.reminders} tokenSeparators={[',', '，', ' ']} onChange={(v: string[]) => update({ reminders: v.map((r) => r.trim().toUpperCase()) })} />
          {draft.reminders.map((_, i) => fieldError(`reminders.${i}`))}
          <Typography.Text type="secondary">{text('remindersHint')}</Typography.Text>
          <label>{text('escalation')}
            <Select mode="multiple" aria-label={text('escalation')} style={{ width: '100%' }} value={draft.escalation.recipients} options={options('escalationTo', ESCALATION_RECIPIENTS)} onChange={(v) => update({ escalation: { recipients: v } })} />
          </label>
          {fieldError('escalation.recipients')}
        </Space>
      </Card>
      <Card title={text('routeFlags')} size="small">
        <Space direction="vertical">
          <label><Switch checked={draft.directToCityDutyOfficeWhenUrgent} onChange={(v) => update({ directToCityDutyOfficeWhenUrgent: v })} /> {text('direct')}</label>
          <label><Switch checked={draft.requiresCityApprovalForProvince} onChange={(v) => update({ requiresCityApprovalForProvince: v })} /> {text('approval')}</label>
          <label>{text('sectorLeader')}
            <Select mode="multiple" aria-label={text('sectorLeader')} style={{ minWidth: 300, marginLeft: 8 }} value={draft.sectorLeaderSignOffFor} options={SEVERITIES.filter((s) => s !== 'ungraded').map((s) => ({ value: s, label: labels.severity[s] }))} onChange={(v) => update({ sectorLeaderSignOffFor: v })} />
          </label>
        </Space>
      </Card>
      <Card title={text('preview')} size="small">
        <Space wrap>
          <Select aria-label={text('severity')} data-testid="sample-severity" style={{ width: 150 }} value={sample.severity} options={SEVERITIES.map((s) => ({ value: s, label: labels.severity[s] }))} onChange={(v: string) => setSample((s) => ({ ...s, severity: v }))} />
          <Checkbox checked={sample.sensitive} onChange={(e) => setSample((s) => ({ ...s, sensitive: e.target.checked }))}>{text('sampleSensitive')}</Checkbox>
          <label>{text('sampleReceived')} <Input aria-label={text('sampleReceived')} type="time" style={{ width: 120 }} value={sample.time} onChange={(e) => setSample((s) => ({ ...s, time: e.target.value }))} /></label>
        </Space>
        <Typography.Paragraph strong style={{ marginTop: 12, fontSize: 16 }} data-testid="policy-preview">
          {errors.size > 0 ? text('fixErrors') : (preview?.text[locale === 'en' ? 'en' : 'zh-CN'] ?? '…')}
        </Typography.Paragraph>
        {preview && errors.size === 0 && (
          <ul data-testid="preview-rules">
            {preview.clocks.map((c) => <li key={`${c.channel}${c.to}`}>{text(`channel.${c.channel}` as PolicyKey)} {formatDateTime(c.dueAt)} — {c.rule}</li>)}
          </ul>
        )}
      </Card>
      <Card title={text('saveTitle')} size="small">
        <Space direction="vertical" style={{ width: '100%' }}>
          <label>{text('effectiveFrom')} <Input aria-label={text('effectiveFrom')} data-testid="effective-from" type="date" style={{ width: 180 }} value={effectiveFrom} onChange={(e) => setEffectiveFrom(e.target.value)} /></label>
          {fieldError('effectiveFrom')}
          <Input.TextArea aria-label={text('comment')} data-testid="policy-comment" placeholder={text('comment')} value={comment} onChange={(e) => setComment(e.target.value)} />
          <Button type="primary" data-testid="save-policy" loading={saving} disabled={errors.size > 0 || !comment.trim() || !effectiveFrom} onClick={() => void save()}>{text('save')}</Button>
        </Space>
      </Card>
      <Card title={text('versions')} size="small">
        <Table
          size="small"
          rowKey="version"
          pagination={false}
          dataSource={loaded.versions}
          data-testid="policy-versions"
          columns={[
            { title: text('version'), dataIndex: 'version', render: (v: number) => <>v{v}{v === loaded.inEffect && <Tag color="blue" style={{ marginLeft: 6 }}>{text('inEffect')}</Tag>}</> },
            { title: text('effectiveFrom'), dataIndex: 'effectiveFrom' },
            { title: text('savedBy'), dataIndex: 'savedBy', render: (by: string | null) => by ?? text('shippedFile') },
            { title: text('savedAt'), dataIndex: 'savedAt', render: (at: string) => formatDateTime(at) },
            { title: text('comment'), dataIndex: 'comment' },
            { title: text('changes'), dataIndex: 'changes', render: (c: string[]) => c.join('、') },
          ]}
        />
      </Card>
    </Space>
  );
}

export default PolicyPage;
