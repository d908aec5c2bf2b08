import { Alert, Button, Descriptions, Result, Skeleton, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { useDossier } from '../api/queries';
import { useSession } from '../api/session';
import type { Dossier } from '../api/types';
import { LaterReportForm } from '../components/later-report-form';
import { Verifications } from '../components/verifications';
import { InstructionsCard } from '../components/duty/instructions-card';
import { CategoryTag, SeverityTag, useReportStatusLabel } from '../components/tags';
import { DossierReportTabs } from '../components/dossier-report-tabs';
import { labelOf, useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';
import { statusLine } from '../lib/report-status';
import { formatDateTime } from '../lib/time';

/** While a flow runs, look again every few seconds (live events reach only a task's candidates). */
const refetchWhileActive = (query: { state: { data?: Dossier | undefined } }) => (query.state.data?.reports.some((r) => r.workflow?.state === 'active') ? 5_000 : false);

/** 档案: its reports as tabs (each with every step, who, when and the opinion, its receipts and its flow), 核报 and 批示. */
export function DossierPage() {
  const { number = '' } = useParams();
  const { t, labels } = useI18n();
  const statusLabel = useReportStatusLabel();
  const { me } = useSession();
  const navigate = useNavigate();
  const [, setParams] = useSearchParams();
  const [reporting, setReporting] = useState(false);
  const dossier = useDossier(number, { refetchInterval: refetchWhileActive });
  if (dossier.isLoading) return <Skeleton active />;
  if (!dossier.data) return <Result status="404" title="404" subTitle={number} extra={<Link to="/incidents"><Button>{t('common.back')}</Button></Link>} />;
  const d = dossier.data;
  // The API decides what is allowed now (409 with the reason); the action is offered to the reporting unit's reporters.
  const mayReport = d.status === 'open' && me?.unitId === d.reportingUnit.id && me.roles.some((r) => r === 'reporter' || r === 'duty_officer');
  // 核报 requests are dossier entries of their own (the verifications card), not reports.
  const reports = d.reports.filter((r) => r.kind !== 'verification');
  // After a phone report the next report is its written 首报 (the API refuses a second one with 409), not a 续报.
  const awaitsWritten = reports.some((r) => r.kind === 'phone') && !reports.some((r) => r.kind === 'first');
  const current = reports.filter((r) => r.status !== 'returned').at(-1)?.content ?? {};

  return (
    <div data-testid="dossier-page">
      <div className="kb-page-title">
        <Space wrap>
          <Typography.Title level={3}>{d.title}</Typography.Title>
          <SeverityTag severity={d.severity} />
          <CategoryTag category={d.category} />
          <Tag color={d.status === 'closed' ? 'default' : 'processing'}>{t(d.status === 'closed' ? 'incidents.status.closed' : 'incidents.status.open')}</Tag>
        </Space>
        <Space>
          <Typography.Text copyable type="secondary">{d.number}</Typography.Text>
          <Button className="kb-no-print" onClick={() => window.print()} data-testid="print">{t('print.action')}</Button>
          {mayReport && awaitsWritten && <Button type="primary" onClick={() => void navigate(`/reports/new?incident=${encodeURIComponent(d.number)}`)} data-testid="write-after-phone">{t('phone.writtenFollows')}</Button>}
          {mayReport && !awaitsWritten && !reporting && <Button type="primary" onClick={() => setReporting(true)} data-testid="later-report">{t('later.action')}</Button>}
        </Space>
      </div>
      <Descriptions size="small" style={{ marginBottom: 8 }} column={{ xs: 1, sm: 2, lg: 4 }} items={[
        { key: 'unit', label: t('inbox.col.unit'), children: d.reportingUnit.name },
        { key: 'occurred', label: t('incidents.col.occurredAt'), children: formatDateTime(d.occurredAt) },
        { key: 'created', label: t('dossier.submittedAt'), children: formatDateTime(d.createdAt) },
        { key: 'status', label: t('dossier.reportStatus'), children: <span data-testid="dossier-status">{statusLine(reports, (kind) => (kind === 'phone' ? t('dossier.phoneReport') : labelOf(labels, 'reportKind', kind)), statusLabel).join('；')}</span> },
        ...(d.threshold ? [{
          key: 'threshold', label: t('dossier.threshold'), span: 'filled' as const,
          children: <span data-testid="dossier-threshold" data-required={String(d.threshold.required)}><Tag color={d.threshold.required ? 'orange' : 'default'}>{t(d.threshold.required ? 'report.threshold.required' : 'report.threshold.voluntary')}</Tag>{d.threshold.rule}</span>,
        }] : []),
      ]} />
      {!d.trailIntegrity.intact && d.trailIntegrity.broken && (
        <Alert
          type="error"
          showIcon
          banner
          style={{ marginBottom: 16 }}
          data-testid="trail-broken"
          title={t('dossier.trailBroken')}
          description={t(`dossier.trailBroken.${d.trailIntegrity.broken.problem}` as MessageKey, { at: formatDateTime(d.trailIntegrity.broken.at), action: d.trailIntegrity.broken.action })}
        />
      )}
      {/* leaving the form opens the latest report's tab: the 续报 just filed */}
      {reporting && <LaterReportForm incidentNumber={d.number} current={current} onDone={() => { setReporting(false); setParams({}, { replace: true }); }} />}
      <DossierReportTabs dossier={d} reports={reports} />
      <Verifications
        items={d.verifications ?? []}
        incidentNumber={d.number}
        canRequest={!!me?.roles.some((r) => r === 'duty_officer' || r === 'leader')}
        reportingUnitId={d.reportingUnit.id}
      />
      <InstructionsCard items={d.instructions ?? []} incidentNumber={d.number} reportingUnitId={d.reportingUnit.id} />
    </div>
  );
}
