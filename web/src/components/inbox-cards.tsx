import { Card, Empty, List } from 'antd';
import { Link } from 'react-router';
import { useUnitName } from '../api/queries';
import type { InboxItem } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { formatDateTime, useNow } from '../lib/time';
import { Countdown } from './countdown';
import { Holder } from './inbox-list';
import { CategoryTag, ReportStatusTag, SeverityTag, TaskKindTag, UnverifiedTag } from './tags';
import { TaskActions } from './task-actions';

/** The inbox on phones: one card per task. */
export default function InboxCards({ items, loading }: { items: InboxItem[]; loading: boolean }) {
  const { t } = useI18n();
  const now = useNow();
  const unitName = useUnitName();
  return (
    <List<InboxItem>
      loading={loading}
      dataSource={items}
      locale={{ emptyText: <Empty description={t('inbox.empty')} /> }}
      renderItem={(row) => (
        <Card size="small" className="kb-mobile-task" data-testid={`task-row-${row.key}`} data-kind={row.kind ?? ''} data-incident={row.incidentNumber}>
          <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }}>
            <TaskKindTag kind={row.kind} name={row.name} />
            <Countdown due={row.dueDate} now={now} deadline={row.deadline} />
          </div>
          <div style={{ marginTop: 6 }}>
            <Link to={`/incidents/${row.incidentNumber}`}>{row.title}</Link>
          </div>
          <div className="kb-mobile-meta">
            <span>{row.incidentNumber}</span>
            <span>{unitName(row.reportingUnitId)}</span>
            <span>{formatDateTime(row.createdAt)}</span>
            <Holder assignee={row.assignee} name={row.assigneeName} />
          </div>
          <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
            <span>
              <SeverityTag severity={row.severity} />
              <CategoryTag category={row.category} />
              <ReportStatusTag status={row.reportStatus} />
              <UnverifiedTag unverified={row.unverified} />
            </span>
            <TaskActions task={row} />
          </div>
        </Card>
      )}
    />
  );
}
