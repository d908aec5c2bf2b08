import { Alert, Button, Card, Col, Descriptions, Result, Row, Skeleton, Space, Tabs, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { useDossier, useTask } from '../api/queries';
import { useSession } from '../api/session';
import { Countdown } from '../components/countdown';
import { Holder } from '../components/inbox-list';
import { Opinions } from '../components/opinions';
import { Diagram } from '../components/diagram';
import { changedElementsOf, ReportChanges } from '../components/report-changes';
import { ReportView } from '../components/report-view';
import { SeverityTag, TaskKindTag, UnverifiedTag } from '../components/tags';
import { TaskDecisionForm } from '../components/task-decision-form';
import { TaskActions } from '../components/task-actions';
import { DelegationPanel, TaskHandOn } from '../components/task-hand-on';
import { TaskCoSign } from '../components/task-co-sign';
import { useEligible } from '../api/worklists';
import { ProgressLine } from '../components/progress-line';
import { VerificationAsk } from '../components/verification-ask';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';
import { formatDateTime, useNow } from '../lib/time';

const ASKS: Record<string, MessageKey> = {
  verify: 'task.asks.verify',
  sign_off: 'task.asks.sign_off',
  sector_sign_off: 'task.asks.sector_sign_off',
  approve_upward: 'task.asks.approve_upward',
  answer_verification: 'task.asks.answer_verification',
  report_state_council: 'task.asks.report_state_council',
};

/** One task: what it asks, the report with all its elements, earlier opinions, and where the flow stands. */
export function TaskPage() {
  const { key = '' } = useParams();
  const { t } = useI18n();
  const { me } = useSession();
  const now = useNow();
  const task = useTask(key);
  const number = task.data?.report.incidentNumber;
  const dossier = useDossier(number);
  const open = task.data?.task.state === 'created';
  // The open delegation (委派) comes with the eligible list: it decides who may act now.
  const handOn = useEligible(key, 'transfer', open);
  if (task.isLoading) return <Skeleton active />;
  if (!task.data) return <Result status="404" title={t('task.notFound')} extra={<Link to="/inbox"><Button>{t('common.back')}</Button></Link>} />;
  const { task: info, report, opinions } = task.data;
  const delegation = handOn.data?.delegation ?? null;
  // A 核报's task: its row holds the request; the incident's title and report come from the dossier.
  const asking = report.kind === 'verification';
  const heldByOther = !!info.assignee && info.assignee !== me?.username;
  const inDossier = dossier.data?.reports.find((r) => r.id === report.id);
  const workflow = inDossier?.workflow;
  const later = report.kind === 'follow_up' || report.kind === 'final';
  const asks = later && info.kind === 'sign_off' ? 'task.asks.sign_off_later' : later && info.kind === 'sector_sign_off' ? 'task.asks.sector_sign_off_later' : (ASKS[info.kind ?? ''] ?? 'task.asks.acknowledge');

  return (
    <div data-testid="task-page" data-kind={info.kind ?? ''}>
      <div className="kb-page-title">
        <Space wrap>
          <TaskKindTag kind={info.kind} name={info.name} />
          <Typography.Title level={3}>{asking ? (dossier.data?.title ?? '') : report.content.title}</Typography.Title>
          {report.content.severity && <SeverityTag severity={report.content.severity} />}
          <UnverifiedTag unverified={report.unverified} />
        </Space>
        <Link to={`/incidents/${report.incidentNumber}${asking ? '' : `?report=${report.id}`}`}>{report.incidentNumber}</Link>
      </div>
      {/* issue 20: the progress line first; the BPMN diagram (the page's costliest drawing) only when its tab is opened */}
      <Card size="small" style={{ marginBottom: 16 }}>
        <Tabs size="small" items={[
          ...(!asking ? [{ key: 'progress', label: t('task.progressLine'), children: inDossier && dossier.data ? <ProgressLine report={inDossier} trail={dossier.data.timeline} /> : <Skeleton active paragraph={{ rows: 1 }} /> }] : []),
          { key: 'diagram', label: <span data-testid="tab-diagram">{t('task.diagramTab')}</span>, children: <Diagram processId={info.bpmnProcessId} workflow={workflow} deployment={workflow} /> },
        ]} />
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card title={t('task.asks')} className="kb-task-card" extra={open && !delegation && (
            <Space size={4} wrap>
              <TaskActions showOpen={false} task={{ key: info.key, assignee: info.assignee, incidentNumber: report.incidentNumber }} />
              {!heldByOther && <TaskHandOn taskKey={info.key} incidentNumber={report.incidentNumber} />}
              {!heldByOther && info.kind === 'sign_off' && <TaskCoSign taskKey={info.key} incidentNumber={report.incidentNumber} />}
            </Space>
          )}>
            <Descriptions size="small" column={{ xs: 1, sm: 3 }} style={{ marginBottom: 12 }} items={[
              { key: 'arrived', label: t('inbox.col.arrived'), children: formatDateTime(info.createdAt) },
              { key: 'due', label: t('inbox.col.due'), children: <Countdown due={info.dueDate} now={now} deadline={task.data.deadline} /> },
              { key: 'holder', label: t('inbox.col.holder'), children: <Holder assignee={info.assignee} name={info.assigneeName} /> },
            ]} />
            <Alert type="info" showIcon title={t(asks)} style={{ marginBottom: 16 }} />
            {!open ? <Alert type="success" showIcon title={t('task.done')} />
            : delegation ? <DelegationPanel taskKey={info.key} incidentNumber={report.incidentNumber} delegation={delegation} />
            : heldByOther ? <Alert type="warning" showIcon title={t('task.heldBy', { user: info.assigneeName ?? info.assignee ?? '' })} />
            : <TaskDecisionForm detail={task.data} />}
          </Card>
          {asking ? <VerificationAsk content={report.content} dossier={dossier.data} /> : (
            <Card title={t('task.report')} style={{ marginTop: 16 }}>
              {inDossier?.changes && inDossier.changes.length > 0 && <ReportChanges changes={inDossier.changes} />}
              <ReportView content={report.content} highlight={changedElementsOf(inDossier?.changes)} />
            </Card>
          )}
        </Col>
        <Col xs={24} lg={10}>
          <Card title={t('task.opinions')}>
            <Opinions opinions={opinions} />
          </Card>
        </Col>
      </Row>
    </div>
  );
}
