import { makeMigrationBatchSchema, makeMigrationSchema, TRACE_REASON_MAX_LENGTH, type MigrationItemResult } from '@kuaibao/domain';
import { Alert, App, Button, Form, Input, Modal, Radio, Select, Table, Typography } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { useChangeOptions, useMigrateInstances, useStartMigrationBatch } from '../../api/instance-changes';
import { useI18n } from '../../i18n/i18n';
import { applyIssues, clearIssues, problemMessage, useClearIssuesOnLocaleChange } from '../../lib/form-errors';
import { MigrationBatchProgress } from './migration-batch-progress';
import { MigrationOutcome } from './migration-outcome';

interface Values {
  scope?: 'one' | 'all';
  target?: string;
  mapping?: Record<string, string>;
  reason?: string;
}

/**
 * 迁移: the report onto another version of its process. Each active step is mapped to a step of the target (the same id
 * when the target has it); 试迁移 lists what would move and what cannot, changing nothing; 迁移 needs a reason. With the
 * scope "every running report of this version" both start a background batch (docs/adr/0062) whose progress is shown
 * here; the mapping then lists every step of the version, as the batch's reports stand at different steps.
 */
export function MigrateInstanceModal({ instanceKey, name, onClose }: { instanceKey: string; name: string; onClose: () => void }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [outcome, setOutcome] = useState<{ dryRun: boolean; result: MigrationItemResult } | null>(null);
  useClearIssuesOnLocaleChange(form, locale, () => setOutcome(null));
  const options = useChangeOptions(instanceKey, true);
  const migrate = useMigrateInstances();
  const startBatch = useStartMigrationBatch();
  const [batchId, setBatchId] = useState<string | null>(null);
  const schema = useMemo(() => makeMigrationSchema(locale), [locale]);
  const batchSchema = useMemo(() => makeMigrationBatchSchema(locale), [locale]);
  const target = Form.useWatch('target', form);
  const scope = Form.useWatch('scope', form) ?? 'one';
  const data = options.data;
  const sourcesOf = useCallback((forScope: 'one' | 'all') => forScope === 'all'
    ? (data?.elements ?? []).map((e) => ({ elementId: e.id, elementName: e.name, elementType: e.type }))
    : [...new Map((data?.active ?? []).map((a) => [a.elementId, a])).values()], [data]);
  const sources = useMemo(() => sourcesOf(scope), [sourcesOf, scope]);
  const version = data?.versions.find((v) => v.definitionKey === target);

  const chooseTarget = (definitionKey: string | undefined, forScope: 'one' | 'all' = scope) => {
    if (!definitionKey) return;
    const elements = data?.versions.find((v) => v.definitionKey === definitionKey)?.elements ?? [];
    form.setFieldsValue({ target: definitionKey, mapping: Object.fromEntries(sourcesOf(forScope).map((s) => [s.elementId, elements.some((e) => e.id === s.elementId) ? s.elementId : ''])) });
    setOutcome(null);
  };

  const send = (dryRun: boolean) => {
    clearIssues(form);
    const values = form.getFieldsValue();
    const shown = new Set(sources.map((x) => x.elementId));
    const mappings = Object.entries(values.mapping ?? {}).filter(([from, to]) => to && shown.has(from)).map(([sourceElementId, targetElementId]) => ({ sourceElementId, targetElementId }));
    const reason = values.reason !== undefined ? { reason: values.reason } : {};
    if (scope === 'all') {
      const batch = batchSchema.safeParse({ sourceDefinitionKey: data?.definitionKey ?? '', targetDefinitionKey: values.target ?? '', mappings, dryRun, ...reason });
      if (!batch.success) return void applyIssues(form, batch.error.issues.map((i) => ({ ...i, path: i.path[0] === 'targetDefinitionKey' ? ['target'] : i.path })));
      startBatch.mutate(batch.data, { onSuccess: (started) => setBatchId(started.id), onError: (error) => void message.error(problemMessage(error, locale)) });
      return;
    }
    const parsed = schema.safeParse({ instanceKeys: [instanceKey], targetDefinitionKey: values.target ?? '', mappings, dryRun, ...(values.reason !== undefined && { reason: values.reason }) });
    if (!parsed.success) return void applyIssues(form, parsed.error.issues.map((i) => ({ ...i, path: i.path[0] === 'targetDefinitionKey' ? ['target'] : i.path })));
    migrate.mutate(parsed.data, {
      onSuccess: (answer) => {
        const result = answer.results[0]!;
        setOutcome({ dryRun, result });
        if (result.migrated) {
          void message.success(t('change.migrate.done', { version: result.targetVersion ?? '' }));
          onClose();
        }
      },
      onError: (error) => void message.error(problemMessage(error, locale)),
    });
  };

  return (
    <Modal open title={t('change.migrate.title', { target: name })} onCancel={onClose} width={760}
      footer={[
        <Button key="dry" data-testid="migrate-dry-run" loading={migrate.isPending || startBatch.isPending} onClick={() => send(true)}>{t('change.migrate.dryRun')}</Button>,
        <Button key="run" type="primary" data-testid="migrate-run" loading={migrate.isPending || startBatch.isPending} onClick={() => send(false)}>{t('change.migrate.run')}</Button>,
      ]}>
      {options.error && <Alert type="error" showIcon title={options.error.message} />}
      {data && <Typography.Paragraph>{t('change.migrate.current', { version: data.version })}</Typography.Paragraph>}
      {data && data.versions.length === 0 && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('change.migrate.noVersions')} />}
      {outcome && scope === 'one' && <MigrationOutcome dryRun={outcome.dryRun} result={outcome.result} />}
      {batchId && scope === 'all' && <MigrationBatchProgress key={batchId} id={batchId} />}
      <Form form={form} layout="vertical" data-testid="migrate-form" initialValues={{ scope: 'one' }}>
        <Form.Item name="scope" label={t('change.migrate.scope')} extra={scope === 'all' ? t('change.migrate.scope.allHint') : undefined}>
          <Radio.Group data-testid="migrate-scope" onChange={(e) => { setOutcome(null); setBatchId(null); chooseTarget(form.getFieldValue('target'), e.target.value); }}
            options={[{ value: 'one', label: t('change.migrate.scope.one') }, { value: 'all', label: t('change.migrate.scope.all') }]} />
        </Form.Item>
        <Form.Item name="target" label={t('change.migrate.target')} required>
          <Select data-testid="migrate-target" placeholder={t('change.migrate.targetPlaceholder')} onChange={(key: string) => chooseTarget(key)}
            options={(data?.versions ?? []).map((v) => ({ value: v.definitionKey, label: t('monitor.version', { version: v.version }) }))} />
        </Form.Item>
        {version && (
          <Form.Item label={t('change.migrate.mapping')}>
            <Table size="small" pagination={false} rowKey="elementId" dataSource={sources}
              columns={[
                { key: 'source', render: (_, s) => `${s.elementName ?? s.elementId}（${s.elementId}）` },
                {
                  key: 'target',
                  render: (_, s) => (
                    <Form.Item name={['mapping', s.elementId]} noStyle>
                      <Select style={{ minWidth: 260 }} data-testid={`migrate-map-${s.elementId}`} showSearch optionFilterProp="label"
                        options={[{ value: '', label: t('change.migrate.unmapped') }, ...version.elements.filter((e) => e.type === s.elementType).map((e) => ({ value: e.id, label: `${e.name ?? e.id}（${e.id}）` }))]} />
                    </Form.Item>
                  ),
                },
              ]} />
          </Form.Item>
        )}
        <Form.Item name="reason" label={t('change.reason')} required>
          <Input.TextArea rows={3} maxLength={TRACE_REASON_MAX_LENGTH} showCount placeholder={t('change.reasonPlaceholder')} data-testid="change-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
