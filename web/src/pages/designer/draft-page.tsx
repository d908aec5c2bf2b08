import { App, Alert, Button, type ButtonProps, Input, List, Modal, Select, Space, Spin, Tag, Tooltip, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError } from '../../api/http';
import { formatDateTime } from '../../lib/time';
import { BpmnModelerView } from './bpmn-modeler';
import { deployDraft, designerKeys, dryRunDraft, useDraft, type Draft, type DryRunResult, type Finding } from './designer-api';
import { DryRunPanel } from './dry-run-panel';
import { useDesignerText } from './designer-messages';
import { KUAIBAO_TEMPLATES } from './element-templates';
import type { LintIssue, ModdleElementLike, ModelerLike } from './modeler-types';
import { useAutosave, type SaveState } from './use-autosave';

/** One draft in the modeler: autosave, live checks (click one to select its element), step templates, deploy. */
export function DraftPage() {
  const { id = '' } = useParams();
  const draft = useDraft(id);
  if (draft.isLoading) return <Spin />;
  if (!draft.data) return <Alert type="error" message={draft.error instanceof Error ? draft.error.message : '404'} />;
  return <DraftEditor draft={draft.data} />;
}

function DraftEditor({ draft }: { draft: Draft }) {
  const text = useDesignerText();
  const { message } = App.useApp();
  const client = useQueryClient();
  const navigate = useNavigate();
  const [modeler, setModeler] = useState<ModelerLike | null>(null);
  const [issues, setIssues] = useState<LintIssue[]>([]);
  const [serverFindings, setServerFindings] = useState<Finding[]>(draft.findings);
  const [warnings, setWarnings] = useState<string[]>([]);
  const [selected, setSelected] = useState<ModdleElementLike | null>(null);
  const [deploying, setDeploying] = useState(false);
  const [comment, setComment] = useState('');
  const [deployedVersion, setDeployedVersion] = useState<number | null>(draft.baseVersion);
  const autosave = useAutosave(draft, setServerFindings);

  const onReady = useCallback((m: ModelerLike) => {
    setModeler(m);
    m.on('selection.changed', (event) => setSelected(((event.newSelection as ModdleElementLike[]) ?? [])[0] ?? null));
  }, []);

  const select = (elementId: string) => {
    if (!modeler) return;
    const element = modeler.get<{ get(id: string): ModdleElementLike | undefined }>('elementRegistry').get(elementId);
    if (!element) return;
    modeler.get<{ select(e: unknown): void }>('selection').select(element);
    modeler.get<{ scrollToElement(e: unknown): void }>('canvas').scrollToElement(element);
  };

  const applyTemplate = (templateId: string) => {
    const template = KUAIBAO_TEMPLATES.find((t) => t.id === templateId);
    if (!modeler || !selected || !template) return;
    const applied = modeler.get<{ applyTemplate(e: unknown, t: unknown): ModdleElementLike }>('elementTemplates').applyTemplate(selected, template);
    // A step without a name takes the template's (一个「报送上级主管部门」, not an unnamed task).
    if (!applied.businessObject.name) modeler.get<{ updateProperties(e: unknown, p: object): void }>('modeling').updateProperties(applied, { name: template.name });
    modeler.get<{ select(e: unknown): void }>('selection').select(applied);
  };

  const errors = issues.filter((i) => i.category === 'error' || i.category === 'rule-error');
  const deploy = async () => {
    await autosave.flush();
    try {
      const done = await deployDraft(draft.id, autosave.revision.current, comment);
      setDeployedVersion(done.version);
      setDeploying(false);
      setComment('');
      void message.success(text('deployed_ok', { version: done.version }));
      await client.invalidateQueries({ queryKey: designerKeys.processes(draft.jurisdiction) });
    } catch (error) {
      const problem = error instanceof ApiError ? (error.problem as ApiError['problem'] & { findings?: Finding[] }) : null;
      if (problem?.findings) setServerFindings(problem.findings);
      void message.error(problem?.status === 422 ? text('deployBlocked') : error instanceof Error ? error.message : String(error));
    }
  };

  const [trial, setTrial] = useState<{ unitName: string; results: DryRunResult[] } | null>(null);
  const [trying, setTrying] = useState(false);
  const tryDraft = async () => {
    setTrying(true);
    try {
      await autosave.flush();
      const answer = await dryRunDraft(draft.id);
      setTrial({ unitName: answer.reportingUnit.name, results: answer.results });
    } catch (error) {
      void message.error(error instanceof Error ? error.message : String(error));
    } finally {
      setTrying(false);
    }
  };

  // The comparison reads the draft as saved: what is typed is saved first.
  const compare = async () => {
    await autosave.flush();
    await client.invalidateQueries({ queryKey: ['designer', 'comparison'] });
    await navigate(`/designer/compare/${draft.jurisdiction}/${draft.bpmnProcessId}?from=deployed&to=draft:${draft.id}`);
  };

  const taskSelected = selected && /Task$/.test(selected.type);
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Space wrap>
          <Link to="/designer">{text('back')}</Link>
          <Typography.Title level={4} style={{ margin: 0 }}>{draft.name}</Typography.Title>
          <Tag color="blue" data-testid="draft-version">{deployedVersion === null ? text('shipped') : text('version', { version: deployedVersion })}</Tag>
          <SaveStatus state={autosave.state} />
        </Space>
        <Space wrap>
          <Select
            style={{ width: 260 }}
            placeholder={taskSelected ? text('templates') : text('templatesHint')}
            disabled={!taskSelected}
            value={null}
            data-testid="template-select"
            onChange={(value: string) => applyTemplate(value)}
            options={KUAIBAO_TEMPLATES.map((t) => ({ value: t.id, label: t.name }))}
            showSearch
            optionFilterProp="label"
          />
          <Button data-testid="compare-draft" onClick={() => void compare()}>{text('compare')}</Button>
          <Button data-testid="dry-run" loading={trying} disabled={draft.bpmnProcessId !== 'incident-report' || autosave.state.kind === 'conflict'} onClick={() => void tryDraft()}>{text('dryRun')}</Button>
          <Tooltip title={errors.length > 0 ? text('deployBlocked') : ''}>
            <Button type="primary" data-testid="deploy" disabled={errors.length > 0 || autosave.state.kind === 'conflict'} onClick={() => setDeploying(true)}>{text('deploy')}</Button>
          </Tooltip>
        </Space>
      </Space>
      {warnings.length > 0 && <Alert type="warning" message={text('importWarnings')} description={warnings.join('；')} />}
      <BpmnModelerView xml={draft.xml} onChange={autosave.changed} onLint={setIssues} onReady={onReady} onImportWarnings={setWarnings} />
      <Findings issues={issues} server={serverFindings} onSelect={select} />
      <Modal open={!!trial} title={text('dryRunTitle')} width={1100} footer={null} onCancel={() => setTrial(null)}>
        {trial && <DryRunPanel unitName={trial.unitName} results={trial.results} />}
      </Modal>
      <Modal open={deploying} title={text('deployTitle')} onCancel={() => setDeploying(false)} onOk={() => void deploy()} okButtonProps={{ disabled: !comment.trim(), 'data-testid': 'deploy-confirm' } as ButtonProps}>
        <Input.TextArea data-testid="deploy-comment" placeholder={text('deployComment')} value={comment} onChange={(e) => setComment(e.target.value)} />
      </Modal>
    </Space>
  );
}

function SaveStatus({ state }: { state: SaveState }) {
  const text = useDesignerText();
  switch (state.kind) {
    case 'saved': return <Tag color="green" data-testid="save-state">{text('saved', { revision: state.revision })}</Tag>;
    case 'saving': return <Tag data-testid="save-state">{text('saving')}</Tag>;
    case 'dirty': return <Tag color="orange" data-testid="save-state">{text('unsaved')}</Tag>;
    case 'conflict': return <Alert type="error" showIcon data-testid="save-state" message={text('conflict', { who: state.who, at: formatDateTime(state.at) })} action={<Button size="small" onClick={() => window.location.reload()}>{text('reload')}</Button>} />;
    case 'refused': return <Alert type="error" showIcon data-testid="save-state" message={state.message} />;
  }
}

/** The live checks (the modeler's lint) and, after a refused deploy, the server's; a click selects the element. */
function Findings({ issues, server, onSelect }: { issues: LintIssue[]; server: Finding[]; onSelect: (id: string) => void }) {
  const text = useDesignerText();
  const live = issues.map((i) => ({ id: i.id, rule: i.rule, message: i.message, error: i.category === 'error' || i.category === 'rule-error' }));
  const known = new Set(live.map((f) => `${f.id}:${f.message}`));
  const fromServer = server.filter((f) => !known.has(`${f.id}:${f.message}`)).map((f) => ({ ...f, error: f.category === 'error' }));
  const all = [...live, ...fromServer].sort((a, b) => Number(b.error) - Number(a.error) || Number(b.rule.startsWith('kuaibao/')) - Number(a.rule.startsWith('kuaibao/')));
  return (
    <List
      size="small"
      bordered
      header={<strong>{text('checks')}</strong>}
      locale={{ emptyText: text('checksOk') }}
      dataSource={all}
      data-testid="findings"
      renderItem={(f) => (
        <List.Item data-testid="finding" data-element-id={f.id} style={{ cursor: f.id ? 'pointer' : 'default' }} onClick={() => f.id && onSelect(f.id)}>
          <Space>
            <Tag color={f.error ? 'red' : 'gold'}>{f.error ? '错误' : '警告'}</Tag>
            <span>{f.message}</span>
            <Typography.Text type="secondary">{f.rule}</Typography.Text>
          </Space>
        </List.Item>
      )}
    />
  );
}

export default DraftPage;
