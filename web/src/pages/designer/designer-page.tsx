import { App, Button, Card, Empty, Input, Modal, Popconfirm, Space, Table, Tag, Typography, type ButtonProps } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { ApiError } from '../../api/http';
import { formatDateTime } from '../../lib/time';
import { createDraft, designerKeys, rollbackTo, useMyJurisdiction, useProcesses, type ProcessEntry } from './designer-api';
import { useDesignerText } from './designer-messages';

/** 流程设计: the jurisdiction's processes, their deployed version, drafts and versions (with rollback). */
export function DesignerPage() {
  const text = useDesignerText();
  const jurisdiction = useMyJurisdiction();
  const processes = useProcesses(jurisdiction.data);
  const navigate = useNavigate();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [rollback, setRollback] = useState<{ process: ProcessEntry; version: number } | null>(null);
  const [comment, setComment] = useState('');
  if (jurisdiction.data === null) return <Empty description={text('noJurisdiction')} />;
  const code = jurisdiction.data ?? '';

  const openDraft = async (process: ProcessEntry) => {
    const existing = process.drafts[0];
    const id = existing ? existing.id : (await createDraft(code, process.bpmnProcessId)).id;
    await navigate(`/designer/drafts/${id}`);
  };
  const doRollback = async () => {
    if (!rollback) return;
    try {
      const done = await rollbackTo(code, rollback.process.bpmnProcessId, rollback.version, comment);
      void message.success(text('rollbackDone', { version: done.version }));
      setRollback(null);
      setComment('');
      await client.invalidateQueries({ queryKey: designerKeys.processes(code) });
    } catch (error) {
      void message.error(error instanceof ApiError ? error.message : String(error));
    }
  };

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <div>
        <Typography.Title level={3} style={{ marginBottom: 4 }}>{text('title')}</Typography.Title>
        <Typography.Text type="secondary">{text('jurisdiction')} {code} · {text('intro')}</Typography.Text>
        <div><Link to="/designer/policy" data-testid="open-policy">{text('policyTitle')}</Link></div>
      </div>
      {(processes.data?.processes ?? []).map((process) => (
        <Card
          key={process.bpmnProcessId}
          data-testid={`process-${process.bpmnProcessId}`}
          title={<Space>{process.name}<Tag color={process.deployed ? 'blue' : 'default'} data-testid="deployed-version">{process.deployed ? text('version', { version: process.deployed.version }) : text('shipped')}</Tag></Space>}
          extra={
            <Space>
              <Link to={`/designer/compare/${code}/${process.bpmnProcessId}?from=v0&to=deployed`} data-testid="compare-versions">{text('compare')}</Link>
              <Button type="primary" data-testid="edit-draft" onClick={() => void openDraft(process)}>{process.drafts.length > 0 ? text('edit') : text('newDraft')}</Button>
            </Space>
          }
          loading={processes.isLoading}
        >
          {process.drafts.length > 0 && (
            <Typography.Paragraph>
              {text('drafts')}：{process.drafts.map((d) => (
                <Tag key={d.id} color={d.errors > 0 ? 'red' : 'green'}>
                  {d.updatedBy} · {formatDateTime(d.updatedAt)}{d.errors > 0 ? ` · ${text('errors', { count: d.errors })}` : ''}
                </Tag>
              ))}
            </Typography.Paragraph>
          )}
          <Table
            size="small"
            rowKey="version"
            pagination={false}
            data-testid="versions"
            dataSource={process.versions}
            locale={{ emptyText: text('shipped') }}
            columns={[
              { title: text('versions'), dataIndex: 'version', render: (v: number, row) => <>{text('version', { version: v })}{row.rollbackOf ? text('rollbackOf', { version: row.rollbackOf }) : ''}</> },
              { title: text('deployedBy'), dataIndex: 'deployedBy' },
              { title: text('deployedAt'), dataIndex: 'deployedAt', render: (at: string) => formatDateTime(at) },
              { title: text('comment'), dataIndex: 'comment' },
              { title: text('running'), dataIndex: 'running' },
              {
                title: '',
                key: 'actions',
                render: (_, row) => row.version !== process.deployed?.version && (
                  <Popconfirm title={text('rollback')} onConfirm={() => setRollback({ process, version: row.version })} okButtonProps={{ 'data-testid': 'rollback-ok' } as ButtonProps}>
                    <Button size="small" data-testid={`rollback-${row.version}`}>{text('rollback')}</Button>
                  </Popconfirm>
                ),
              },
            ]}
          />
        </Card>
      ))}
      <Modal open={!!rollback} title={text('rollback')} onCancel={() => setRollback(null)} onOk={() => void doRollback()} okButtonProps={{ disabled: !comment.trim(), 'data-testid': 'rollback-confirm' } as ButtonProps}>
        <Input.TextArea data-testid="rollback-comment" placeholder={text('rollbackComment')} value={comment} onChange={(e) => setComment(e.target.value)} />
      </Modal>
    </Space>
  );
}

export default DesignerPage;
