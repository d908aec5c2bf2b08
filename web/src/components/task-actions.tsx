import { App, Button, Space } from 'antd';
import { useNavigate } from 'react-router';
import { ApiError } from '../api/http';
import { useTaskAction } from '../api/queries';
import { useSession } from '../api/session';
import { useI18n } from '../i18n/i18n';

/** Claim / give back / open, for one task of the inbox. */
export function TaskActions({ task, showOpen = true }: { task: { key: string; assignee: string | null; incidentNumber: string }; showOpen?: boolean }) {
  const { t } = useI18n();
  const { me } = useSession();
  const { message } = App.useApp();
  const action = useTaskAction();
  const navigate = useNavigate();
  const run = (kind: 'claim' | 'unclaim') =>
    action.mutate(
      { key: task.key, action: kind, incidentNumber: task.incidentNumber },
      {
        onSuccess: () => void message.success(t(kind === 'claim' ? 'inbox.claimed' : 'inbox.unclaimed')),
        onError: (error) => void message.error(error instanceof ApiError ? error.message : t('common.error')),
      },
    );
  const mine = task.assignee === me?.username;
  return (
    <Space size={4} wrap>
      {/* one tab stop (a button, not a button inside a link) */}
      {showOpen && <Button type="primary" size="small" onClick={() => void navigate(`/tasks/${task.key}`)} data-testid={`handle-${task.key}`}>{t('inbox.handle')}</Button>}
      {!task.assignee && (
        <Button size="small" loading={action.isPending} onClick={() => run('claim')} data-testid={`claim-${task.key}`}>{t('inbox.claim')}</Button>
      )}
      {mine && (
        <Button size="small" loading={action.isPending} onClick={() => run('unclaim')} data-testid={`unclaim-${task.key}`}>{t('inbox.unclaim')}</Button>
      )}
    </Space>
  );
}
