import { Alert, Button, Card, Result, Segmented, Typography } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ApiError } from '../api/http';
import { useMonitoredInstances } from '../api/queries';
import { useSession } from '../api/session';
import type { InstanceIncident, InstanceProblem } from '../api/types';
import { InstanceCards, InstanceTable } from '../components/instance-list';
import { BatchRetryModal } from '../components/batch-retry/batch-retry-modal';
import type { RetryTarget } from '../components/batch-retry/use-batch-retry';
import { RetryIncidentModal } from '../components/retry-incident-modal';
import { useI18n } from '../i18n/i18n';
import { useScreens } from '../lib/screens';

/** The instances that most need attention (those with incidents first, then the longest waiting): at most this many. */
const LIMIT = 200;

/** 流程监控 (admins): where each running flow waits, for whom, since when; failed steps to retry with a reason. */
export function AdminInstancesPage() {
  const { t } = useI18n();
  const { me } = useSession();
  const isAdmin = !!me?.roles.includes('system_admin');
  const [params, setParams] = useSearchParams();
  const problem: InstanceProblem = params.get('problem') === 'incident' ? 'incident' : 'all';
  const instances = useMonitoredInstances(problem, LIMIT, isAdmin);
  const [retrying, setRetrying] = useState<InstanceIncident | null>(null);
  const [batch, setBatch] = useState<RetryTarget[] | null>(null);
  const screens = useScreens();
  if (!isAdmin || (instances.error instanceof ApiError && instances.error.status === 403)) return <Forbidden />;

  const items = instances.data ?? [];
  const failures: RetryTarget[] = items.flatMap((i) => i.incidents.map((x) => ({ key: x.key, instanceKey: i.instanceKey, incidentNumber: i.incidentNumber, elementId: x.elementId, elementName: x.elementName, errorMessage: x.errorMessage })));
  const listProps = { items, loading: instances.isLoading, empty: t(problem === 'incident' ? 'monitor.emptyIncidents' : 'monitor.empty'), onRetry: setRetrying };
  return (
    <div data-testid="monitor-page">
      <div className="kb-page-title">
        <Typography.Title level={3}>{t('monitor.title')}</Typography.Title>
        <Link to="/admin/trace" data-testid="trace-link">{t('trace.link')}</Link>
        <Segmented<InstanceProblem>
          value={problem}
          onChange={(next) => setParams(next === 'incident' ? { problem: next } : {}, { replace: true })}
          options={[
            { value: 'all', label: <span data-testid="filter-all">{t('monitor.filter.all')}</span> },
            { value: 'incident', label: <span data-testid="filter-incident">{t('monitor.filter.incident')}</span> },
          ]}
        />
      </div>
      <Typography.Paragraph type="secondary">{t('monitor.intro')}</Typography.Paragraph>
      {failures.length > 1 && (
        <Button danger style={{ marginBottom: 12 }} data-testid="batch-retry-open" onClick={() => setBatch(failures)}>{t('batchRetry.open', { n: failures.length })}</Button>
      )}
      {instances.error && (
        <Alert type="error" showIcon style={{ marginBottom: 12 }} title={instances.error.message} action={<Button size="small" onClick={() => void instances.refetch()}>{t('common.retry')}</Button>} />
      )}
      <Card size="small">
        {screens.md ? <InstanceTable {...listProps} /> : <InstanceCards {...listProps} />}
        {items.length >= LIMIT && <Typography.Text type="secondary">{t('monitor.limited', { n: LIMIT })}</Typography.Text>}
      </Card>
      {retrying && <RetryIncidentModal incident={retrying} onClose={() => setRetrying(null)} />}
      {batch && <BatchRetryModal targets={batch} onClose={() => setBatch(null)} />}
    </div>
  );
}

/** Not an admin: a notice and the way back, no request to the admin API. */
function Forbidden() {
  const { t } = useI18n();
  return (
    <div data-testid="forbidden">
      <Result status="403" title="403" subTitle={t('monitor.forbidden')} extra={<Link to="/inbox"><Button type="primary">{t('error.toInbox')}</Button></Link>} />
    </div>
  );
}
