import { Alert, App, Button, Space } from 'antd';
import { useState } from 'react';
import { useSession } from '../api/session';
import { useEligible, useHandOn, type Delegation } from '../api/worklists';
import { useI18n } from '../i18n/i18n';
import { ReasonModal } from './reason-modal';

type Mode = 'transfer' | 'delegate';

/** 转办 / 委派 for whoever holds (or may claim) the task: a person from the API's eligible list and a reason. */
export function TaskHandOn({ taskKey, incidentNumber }: { taskKey: string; incidentNumber: string }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [mode, setMode] = useState<Mode | null>(null);
  const eligible = useEligible(taskKey, mode ?? 'transfer', mode !== null);
  const handOn = useHandOn(incidentNumber);
  return (
    <Space size={4}>
      <Button size="small" onClick={() => setMode('transfer')} data-testid="transfer">{t('handOn.transfer')}</Button>
      <Button size="small" onClick={() => setMode('delegate')} data-testid="delegate">{t('handOn.delegate')}</Button>
      <ReasonModal
        open={mode !== null}
        title={t(mode === 'delegate' ? 'handOn.delegate.title' : 'handOn.transfer.title')}
        reasonLabel={t(mode === 'delegate' ? 'handOn.reason.delegate' : 'handOn.reason.transfer')}
        okText={t('handOn.ok')}
        people={(eligible.data?.people ?? []).map((p) => ({ value: p.username, label: p.displayName }))}
        testId="hand-on"
        onClose={() => setMode(null)}
        onSubmit={async ({ to, reason }) => {
          const result = await handOn.mutateAsync({ key: taskKey, action: mode ?? 'transfer', body: { to: to ?? '', reason } });
          void message.success(t(mode === 'delegate' ? 'handOn.delegated' : 'handOn.transferred', { name: result?.assigneeName ?? '' }));
          setMode(null);
        }}
      />
    </Space>
  );
}

/** A delegated task: the delegator waits; the delegatee writes an opinion and gives it back (归还). */
export function DelegationPanel({ taskKey, incidentNumber, delegation }: { taskKey: string; incidentNumber: string; delegation: Delegation }) {
  const { t } = useI18n();
  const { me } = useSession();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const handOn = useHandOn(incidentNumber);
  if (delegation.toUsername !== me?.username) return <Alert type="info" showIcon title={t('delegation.pending', { to: delegation.toName })} data-testid="delegation-pending" />;
  return (
    <>
      <Alert type="info" showIcon title={t('delegation.forMe', { from: delegation.fromName, reason: delegation.reason ?? '' })} style={{ marginBottom: 12 }} data-testid="delegation-for-me" />
      <Button type="primary" onClick={() => setOpen(true)} data-testid="return-delegation">{t('delegation.return')}</Button>
      <ReasonModal
        open={open}
        title={t('delegation.return')}
        reasonLabel={t('delegation.opinion')}
        field="opinion"
        okText={t('delegation.return')}
        testId="return-modal"
        onClose={() => setOpen(false)}
        onSubmit={async ({ reason }) => {
          await handOn.mutateAsync({ key: taskKey, action: 'return', body: { opinion: reason } });
          setOpen(false);
          void message.success(t('delegation.returned', { name: delegation.fromName }));
        }}
      />
    </>
  );
}
