import { Button, Tag, Typography } from 'antd';
import type { InstanceIncident } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { messages, type MessageKey } from '../i18n/messages';
import { formatDateTime } from '../lib/time';

/** An instance's failed steps: the error, which step and when, each with a 重试 button. */
export function InstanceIncidents({ incidents, onRetry }: { incidents: InstanceIncident[]; onRetry: (incident: InstanceIncident) => void }) {
  const { t } = useI18n();
  if (incidents.length === 0) return <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  return (
    <div>
      {incidents.map((incident) => (
        <div key={incident.key} style={{ marginBottom: 8 }} data-testid="incident" data-incident-key={incident.key} data-element={incident.elementId}>
          <Typography.Paragraph type="danger" className="kb-pre" style={{ marginBottom: 2 }} ellipsis={{ rows: 3, expandable: 'collapsible' }} data-testid="incident-error">
            {incident.errorMessage}
          </Typography.Paragraph>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('monitor.incidentAt', { element: incident.elementName ?? incident.elementId, at: formatDateTime(incident.createdAt) })}
          </Typography.Text>{' '}
          <ErrorTypeTag type={incident.errorType} />
          <Button size="small" danger onClick={() => onRetry(incident)} data-testid="retry">{t('monitor.retry')}</Button>
        </div>
      ))}
    </div>
  );
}

/** Why the engine stopped there; a type a newer server may send is shown as it is. */
function ErrorTypeTag({ type }: { type: string }) {
  const { t } = useI18n();
  const key = `monitor.errorType.${type}`;
  return <Tag color="error" bordered={false}>{key in messages['zh-CN'] ? t(key as MessageKey) : type}</Tag>;
}
