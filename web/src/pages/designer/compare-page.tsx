import { Alert, Button, Card, Col, Empty, Row, Select, Space, Spin, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { useComparison, useProcesses, type ElementDiff } from './designer-api';
import { useDesignerText, usePropertyLabel } from './designer-messages';
import { DiffViewer } from './diff-viewer';

const COLOURS: Record<ElementDiff['change'], string> = { added: 'green', removed: 'red', changed: 'orange', layout: 'blue' };

/** 比较版本: two versions of a process (drafts, deployed versions, the shipped default) side by side, changes marked and listed. */
export function ComparePage() {
  const text = useDesignerText();
  const property = usePropertyLabel();
  const { jurisdiction = '', bpmnProcessId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const from = params.get('from') ?? 'deployed';
  const to = params.get('to') ?? 'deployed';
  const processes = useProcesses(jurisdiction);
  const comparison = useComparison(jurisdiction, bpmnProcessId, from, to);
  const [focus, setFocus] = useState<string | null>(null);
  const labels = useMemo(() => ({ added: text('diffAdded'), removed: text('diffRemoved'), changed: text('diffChanged'), layout: text('diffLayout') }), [text]);

  const process = processes.data?.processes.find((p) => p.bpmnProcessId === bpmnProcessId);
  const options = [
    { value: 'deployed', label: text('compareDeployed') },
    { value: 'v0', label: `v0 · ${text('shipped')}` },
    ...(process?.versions ?? []).map((v) => ({ value: `v${v.version}`, label: `${text('version', { version: v.version })} · ${v.comment}` })),
    ...(process?.drafts ?? []).map((d) => ({ value: `draft:${d.id}`, label: `${text('drafts')} · ${d.updatedBy}` })),
  ];
  const choose = (side: 'from' | 'to', value: string) => setParams((p) => ({ ...Object.fromEntries(p), [side]: value }), { replace: true });

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap>
        <Link to="/designer">{text('back')}</Link>
        <Typography.Title level={4} style={{ margin: 0 }}>{text('compareTitle')}{process ? ` · ${process.name}` : ''}</Typography.Title>
      </Space>
      <Space wrap>
        <label>{text('compareFrom')} <Select data-testid="compare-from" style={{ width: 260 }} value={from} options={options} onChange={(v: string) => choose('from', v)} /></label>
        <label>{text('compareTo')} <Select data-testid="compare-to" style={{ width: 260 }} value={to} options={options} onChange={(v: string) => choose('to', v)} /></label>
      </Space>
      {from === to && <Empty description={text('compareSame')} />}
      {comparison.isLoading && <Spin />}
      {comparison.error && <Alert type="error" showIcon message={comparison.error.message} />}
      {comparison.data && (
        <>
          <Row gutter={12}>
            <Col xs={24} lg={12}>
              <Card size="small" title={`${text('compareFrom')}：${options.find((o) => o.value === from)?.label ?? from}`}>
                <DiffViewer xml={comparison.data.from.xml} changes={comparison.data.changes} side="before" labels={labels} focus={focus} testId="diff-before" />
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card size="small" title={`${text('compareTo')}：${options.find((o) => o.value === to)?.label ?? to}`}>
                <DiffViewer xml={comparison.data.to.xml} changes={comparison.data.changes} side="after" labels={labels} focus={focus} testId="diff-after" />
              </Card>
            </Col>
          </Row>
          <Space className="kb-legend" wrap>
            {(Object.keys(labels) as ElementDiff['change'][]).map((k) => <Tag key={k} color={COLOURS[k]}>{labels[k]}</Tag>)}
          </Space>
          <Table
            size="small"
            rowKey="id"
            data-testid="diff-table"
            pagination={false}
            dataSource={comparison.data.changes}
            locale={{ emptyText: text('compareNone') }}
            columns={[
              { title: text('diffElement'), dataIndex: 'id', render: (id: string, row) => <Button type="link" size="small" onClick={() => setFocus(id)}>{row.name ? `「${row.name}」（${id}）` : id}</Button> },
              { title: text('diffType'), dataIndex: 'type', render: (type: string) => type.replace('bpmn:', '') },
              { title: text('diffChange'), dataIndex: 'change', render: (change: ElementDiff['change']) => <Tag color={COLOURS[change]} data-testid="diff-kind">{labels[change]}</Tag> },
              {
                title: text('diffProperties'),
                dataIndex: 'properties',
                render: (properties: ElementDiff['properties']) => (
                  <Space direction="vertical" size={0}>
                    {properties.map((p) => (
                      <span key={p.property} data-testid="diff-property">
                        {property(p.property)}：<Typography.Text delete type="secondary">{p.before || '—'}</Typography.Text> → <Typography.Text strong>{p.after || '—'}</Typography.Text>
                      </span>
                    ))}
                  </Space>
                ),
              },
            ]}
          />
        </>
      )}
    </Space>
  );
}

export default ComparePage;
