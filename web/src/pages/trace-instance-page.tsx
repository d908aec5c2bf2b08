import { Alert, Button, Card, Descriptions, Skeleton, Space, Table, Tag, Timeline, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState, type HTMLAttributes } from 'react';
import { Link, useParams } from 'react-router';
import { useTracedInstance, type TracedInstancePage } from '../api/trace';
import type { InstanceIncident } from '../api/types';
import { InstanceChangesCard } from '../components/instance-changes/instance-changes-card';
import { ElementHeatMap } from '../components/heat-map/element-heat-map';
import { InstanceJobsCard } from '../components/instance-jobs-card';
import { ProcessDiagram } from '../components/process-diagram';
import { RetryIncidentModal } from '../components/retry-incident-modal';
import { TraceActionModal, type TraceTarget } from '../components/trace-action-modal';
import { TraceVariablesCard } from '../components/trace-variables-card';
import { labelOf, useI18n } from '../i18n/i18n';
import { formatDateTime } from '../lib/time';

type HistoryRow = TracedInstancePage['history'][number];

/** One report's flow as the admin traces it (Operate's instance page): diagram, step history, failed jobs, trail, variables; and the actions. */
export function TraceInstancePage() {
  const { key = '' } = useParams();
  const { t, labels } = useI18n();
  const traced = useTracedInstance(key);
  const [target, setTarget] = useState<TraceTarget | null>(null);
  const [retrying, setRetrying] = useState<InstanceIncident | null>(null);
  if (traced.isLoading) return <Skeleton active />;
  if (traced.error || !traced.data) return <Alert type="error" showIcon title={traced.error?.message} />;
  const d = traced.data;
  const running = d.instance.state === 'active';
  const reportName = `${d.report.incidentNumber}「${d.report.title}」`;

  const columns: ColumnsType<HistoryRow> = [
    { title: t('trace.h.element'), key: 'element', render: (_, h) => h.elementName ?? labelOf(labels, 'userTaskKind', h.kind) },
    { title: t('trace.h.state'), key: 'state', render: (_, h) => <Tag color={h.state === 'created' ? 'orange' : h.state === 'completed' ? 'green' : undefined}>{t(`trace.state.${h.state as 'created'}`)}</Tag> },
    { title: t('trace.h.who'), key: 'who', render: (_, h) => h.actedBy ?? h.assigneeName ?? <Typography.Text type="secondary">{t('trace.unclaimed')}</Typography.Text> },
    { title: t('trace.h.start'), key: 'start', render: (_, h) => formatDateTime(h.startedAt) },
    { title: t('trace.h.end'), key: 'end', render: (_, h) => (h.endedAt ? formatDateTime(h.endedAt) : '—') },
    {
      title: t('trace.h.actions'), key: 'actions',
      render: (_, h) => h.state === 'created' && (
        <Space>
          <Button size="small" data-testid="trace-reassign" onClick={() => setTarget({ action: 'reassign', key: h.taskKey, name: h.elementName ?? h.elementId, candidateGroups: h.candidateGroups })}>{t('trace.action.reassign')}</Button>
          {h.assignee && <Button size="small" data-testid="trace-unclaim" onClick={() => setTarget({ action: 'unclaim', key: h.taskKey, name: h.elementName ?? h.elementId })}>{t('trace.action.unclaim')}</Button>}
        </Space>
      ),
    },
  ];
  return (
    <div data-testid="trace-instance-page" data-instance={d.instance.key}>
      <div className="kb-page-title">
        <Typography.Title level={3}>{t('trace.instance', { key: d.instance.key })}</Typography.Title>
        {running && (
          <Space>
            <Button data-testid="trace-remind" onClick={() => setTarget({ action: 'remind', key: d.instance.key, name: reportName })}>{t('trace.action.remind')}</Button>
            <Button danger data-testid="trace-cancel" onClick={() => setTarget({ action: 'cancel', key: d.instance.key, name: reportName })}>{t('trace.action.cancel')}</Button>
          </Space>
        )}
      </div>
      <Card size="small" style={{ marginBottom: 12 }}>
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={t('trace.col.incident')}><Link to={`/incidents/${d.report.incidentNumber}`}>{d.report.incidentNumber}</Link> {d.report.title}</Descriptions.Item>
          <Descriptions.Item label={t('monitor.col.process')}>{d.instance.processName ?? d.instance.bpmnProcessId} <span data-testid="trace-version">{t('dossier.workflow.version', { version: d.instance.version })}{d.instance.jurisdiction ? `（${t('dossier.workflow.versionOf', { jurisdiction: d.instance.jurisdiction })}）` : `（${t('dossier.workflow.shipped')}）`}</span></Descriptions.Item>
          <Descriptions.Item label={t('trace.h.state')}><span data-testid="trace-report-status">{labelOf(labels, 'reportStatus', d.report.status)}</span></Descriptions.Item>
        </Descriptions>
        {d.activeElements.length > 0 && (
          <Typography.Text data-testid="trace-active">{t('trace.active', { names: d.activeElements.filter((e) => e.elementType !== 'bpmn:BoundaryEvent' && e.elementType !== 'bpmn:SubProcess').map((e) => `${e.elementName ?? e.elementId}${e.count > 1 ? ` ×${e.count}` : ''}`).join('、') })}</Typography.Text>
        )}
      </Card>
      {running && <InstanceChangesCard instanceKey={d.instance.key} name={reportName} />}
      <Card size="small" title={t('trace.history')} style={{ marginBottom: 12 }}>
        <Table<HistoryRow> rowKey="taskKey" size="small" columns={columns} dataSource={d.history} pagination={false} scroll={{ x: 'max-content' }}
          onRow={(h) => ({ 'data-testid': 'trace-history-row', 'data-kind': h.kind ?? '', 'data-state': h.state }) as HTMLAttributes<HTMLElement>} />
      </Card>
      <Card size="small" title={t('trace.diagram')} style={{ marginBottom: 12 }}>
        <ProcessDiagram processId={d.instance.bpmnProcessId} workflow={{ completedElementIds: d.completedElementIds, activeElements: d.activeElements }} failed={d.failedElementIds} deployment={d.instance} />
      </Card>
      <ElementHeatMap definitionKey={d.instance.definitionKey} />
      <Card size="small" title={t('trace.jobs')} style={{ marginBottom: 12 }}>
        {d.failedJobs.length === 0 ? <Typography.Text type="secondary">{t('trace.noJobs')}</Typography.Text> : d.failedJobs.map((j) => (
          <div key={j.incidentKey} style={{ marginBottom: 8 }}>
            <Typography.Text type={j.state === 'active' ? 'danger' : 'secondary'}>{j.elementName ?? j.elementId} · {j.errorMessage} · {formatDateTime(j.createdAt)}</Typography.Text>{' '}
            {j.state === 'active' && running && (
              <Button size="small" onClick={() => setRetrying({ key: j.incidentKey, elementId: j.elementId, elementName: j.elementName, errorType: j.errorType, errorMessage: j.errorMessage, createdAt: j.createdAt, jobKey: j.jobKey })}>{t('monitor.retry')}</Button>
            )}
          </div>
        ))}
      </Card>
      <InstanceJobsCard instanceKey={d.instance.key} />
      <Card size="small" title={t('trace.trail')} style={{ marginBottom: 12 }}>
        <Timeline items={d.trail.map((e) => ({ children: <span>{formatDateTime(e.at)} {e.actorName} · {e.action}{typeof e.detail.reason === 'string' ? ` · ${e.detail.reason}` : ''}</span> }))} />
      </Card>
      <TraceVariablesCard instanceKey={d.instance.key} variables={d.variables} classified={d.report.classified} running={running} />
      {target && <TraceActionModal target={target} onClose={() => setTarget(null)} />}
      {retrying && <RetryIncidentModal incident={retrying} onClose={() => setRetrying(null)} />}
    </div>
  );
}
