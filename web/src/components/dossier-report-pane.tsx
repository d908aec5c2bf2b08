import { Alert, Card, Col, Row, Space, Tag } from 'antd';
import type { Dossier } from '../api/types';
import { Clocks } from './clocks';
import { Diagram } from './diagram';
import { DossierTimeline } from './dossier-timeline';
import { changedElementsOf, ReportChanges } from './report-changes';
import { Receipts } from './receipts';
import { PhoneReportView, type PhoneReportContent } from './phone-report-view';
import { ReportView } from './report-view';
import { WithdrawAction } from './withdraw-action';
import { ReportPdfButton } from './report-pdf-button';
import { ProgressLine } from './progress-line';
import { ReportStatusTag, UnverifiedTag } from './tags';
import { labelOf, useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';
import { shownStatus } from '../lib/report-status';

export type DossierReport = Dossier['reports'][number];

/** One report of the dossier: its progress, the report itself, its clocks, receipts and steps, and its flow's diagram. */
export function DossierReportPane({ dossier, report }: { dossier: Dossier; report: DossierReport }) {
  const { t, labels } = useI18n();
  return (
    <div className="kb-report-block" data-testid={`report-pane-${report.kind}`}>
      {report.kind !== 'phone' && <Card size="small" style={{ marginBottom: 16 }}><ProgressLine report={report} trail={dossier.timeline} /></Card>}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={13}>
          {report.kind === 'phone' ? (
            <Card title={t('dossier.phoneReport')}>
              <PhoneReportView content={report.content as PhoneReportContent} />
            </Card>
          ) : (
            <Card
              title={`${labelOf(labels, 'reportKind', report.kind)} · ${t('dossier.report')}`}
              extra={<Space size={0}><UnverifiedTag unverified={report.unverified} /><ReportStatusTag status={shownStatus(report)} />{report.withdrawable && <WithdrawAction reportId={report.id} incidentNumber={dossier.number} />}<ReportPdfButton reportId={report.id} kind={labelOf(labels, 'reportKind', report.kind)} /></Space>}
              data-testid={`report-${report.kind}`}
            >
              {report.changes && report.changes.length > 0 && <ReportChanges changes={report.changes} />}
              <ReportView content={report.content} highlight={changedElementsOf(report.changes)} />
            </Card>
          )}
        </Col>
        <Col xs={24} lg={11}>
          {report.kind !== 'phone' && (
            <Card title={t('dossier.clocks')} style={{ marginBottom: 16 }} data-testid="clocks">
              <Clocks clocks={report.clocks} />
            </Card>
          )}
          <Card title={t('dossier.receipts')}>
            <Receipts receipts={report.receipts} />
          </Card>
          <Card title={t('dossier.timeline')} style={{ marginTop: 16 }}>
            <DossierTimeline entries={dossier.timeline.filter((e) => !e.reportId || e.reportId === report.id)} />
          </Card>
        </Col>
      </Row>
      {report.workflow && (
        <Card
          size="small"
          title={t('task.diagram')}
          style={{ marginTop: 16 }}
          extra={
            <>
              <Tag data-testid="workflow-version" title={report.workflow.jurisdiction ? t('dossier.workflow.versionOf', { jurisdiction: report.workflow.jurisdiction }) : t('dossier.workflow.shipped')}>
                {t('dossier.workflow.version', { version: report.workflow.version })}
              </Tag>
              <Tag color={report.workflow.state === 'completed' ? 'success' : 'processing'} data-testid="workflow-state">{t(`dossier.workflow.${report.workflow.state}` as MessageKey)}</Tag>
            </>
          }
        >
          {report.workflow.openTasks.length > 0 && (
            <Alert type="info" style={{ marginBottom: 8 }} title={t('dossier.openTasks', { tasks: report.workflow.openTasks.map((o) => labelOf(labels, 'userTaskKind', o.kind ?? o.name)).join('、') })} />
          )}
          <Diagram processId={report.workflow.bpmnProcessId} workflow={report.workflow} deployment={report.workflow} />
        </Card>
      )}
    </div>
  );
}
