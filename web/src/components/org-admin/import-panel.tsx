import { UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Input, Space, Table, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useImport, type ImportPlan } from '../../api/org-admin';
import { useI18n } from '../../i18n/i18n';
import { problemMessage } from '../../lib/form-errors';

const OUTCOME_COLOR = { create: 'green', update: 'blue', unchanged: 'default', error: 'red' } as const;

const base64Of = async (file: File) => {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
};

/** 导入导出: upload XLSX/CSV, a dry run with every row's outcome and errors, then the all-or-nothing import; export links. */
export function ImportPanel() {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [files, setFiles] = useState<File[]>([]);
  const [password, setPassword] = useState('');
  const [plan, setPlan] = useState<ImportPlan | null>(null);
  const run = useImport();

  const submit = async (dryRun: boolean) => {
    if (files.length === 0) return void message.warning(t('orgAdmin.import.noFiles'));
    try {
      const body = { files: await Promise.all(files.map(async (f) => ({ name: f.name, content: await base64Of(f) }))), dryRun, ...(password && { initialPassword: password }) };
      const result = await run.mutateAsync(body);
      setPlan(result);
      if (result.applied) void message.success(t('orgAdmin.import.applied', { units: result.summary.units.create, people: result.summary.people.create }));
    } catch (error) {
      void message.error(problemMessage(error as Error, locale));
    }
  };
  const s = plan?.summary;
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="import-panel">
      <Card size="small" title={t('orgAdmin.tab.import')}
        extra={<Space>
          <a href="/api/admin/export?format=xlsx" download>{t('orgAdmin.import.exportXlsx')}</a>
          <a href="/api/admin/export?format=csv&table=units" download>{t('orgAdmin.import.exportUnitsCsv')}</a>
          <a href="/api/admin/export?format=csv&table=people" download>{t('orgAdmin.import.exportPeopleCsv')}</a>
        </Space>}>
        <Typography.Paragraph type="secondary">{t('orgAdmin.import.intro')}</Typography.Paragraph>
        <Form layout="inline" onKeyDown={(e) => e.key === 'Enter' && e.preventDefault()}>
          <Form.Item>
            <Upload multiple accept=".xlsx,.csv" beforeUpload={(file) => { setFiles((f) => [...f, file]); setPlan(null); return false; }} onRemove={(file) => setFiles((f) => f.filter((x) => x.name !== file.name))}
              fileList={files.map((f) => ({ uid: f.name, name: f.name, status: 'done' as const }))}>
              <Button icon={<UploadOutlined />} data-testid="import-choose">{t('orgAdmin.import.choose')}</Button>
            </Upload>
          </Form.Item>
          <Form.Item label={t('orgAdmin.import.password')} extra={t('orgAdmin.import.passwordHint')}>
            <Input.Password value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="new-password" data-testid="import-password" style={{ width: 200 }} />
          </Form.Item>
          <Form.Item>
            <Space>
              <Button onClick={() => void submit(true)} loading={run.isPending} data-testid="import-dry-run">{t('orgAdmin.import.dryRun')}</Button>
              <Button type="primary" disabled={!plan?.ok || plan.applied} onClick={() => void submit(false)} loading={run.isPending} data-testid="import-apply">{t('orgAdmin.import.apply')}</Button>
            </Space>
          </Form.Item>
        </Form>
      </Card>
      {plan && (
        <Card size="small" data-testid="import-plan">
          {s && <Typography.Paragraph>{t('orgAdmin.import.summary', { uc: s.units.create, uu: s.units.update, un: s.units.unchanged, ue: s.units.error, pc: s.people.create, pu: s.people.update, pn: s.people.unchanged, pe: s.people.error })}</Typography.Paragraph>}
          {plan.problems.map((p, i) => <Alert key={i} type="error" showIcon style={{ marginBottom: 8 }} title={[p.row && `#${p.row}`, p.column, p.message].filter(Boolean).join(' · ')} />)}
          <Table rowKey={(r) => `${r.table}.${r.row}`} size="small" dataSource={plan.rows} pagination={{ pageSize: 50, hideOnSinglePage: true }}
            columns={[
              { title: t('orgAdmin.import.col.table'), dataIndex: 'table', render: (table: 'units' | 'people') => t(`orgAdmin.import.table.${table}`) },
              { title: t('orgAdmin.import.col.row'), dataIndex: 'row' },
              { title: t('orgAdmin.import.col.key'), dataIndex: 'key' },
              { title: t('orgAdmin.import.col.outcome'), dataIndex: 'outcome', render: (o: keyof typeof OUTCOME_COLOR) => <Tag color={OUTCOME_COLOR[o]}>{t(`orgAdmin.import.outcome.${o}`)}</Tag> },
              { title: t('orgAdmin.import.col.errors'), dataIndex: 'errors', render: (errors: ImportPlan['rows'][number]['errors']) => errors.map((e, i) => <div key={i}>{e.column && <strong>{e.column}：</strong>}{e.message}</div>) },
            ]} />
        </Card>
      )}
    </Space>
  );
}
