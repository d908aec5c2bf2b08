import { App, Button } from 'antd';
import { useState } from 'react';
import { useWithdraw } from '../api/worklists';
import { useI18n } from '../i18n/i18n';
import { ReasonModal } from './reason-modal';

/** 撤回: offered to the submitter while nobody has acted on the report; asks for the reason and confirms. */
export function WithdrawAction({ reportId, incidentNumber }: { reportId: string; incidentNumber: string }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const withdraw = useWithdraw(incidentNumber);
  return (
    <>
      <Button danger size="small" onClick={() => setOpen(true)} data-testid="withdraw">{t('withdraw.action')}</Button>
      <ReasonModal
        open={open}
        title={t('withdraw.title')}
        hint={t('withdraw.hint')}
        reasonLabel={t('withdraw.reason')}
        okText={t('withdraw.confirm')}
        danger
        testId="withdraw-modal"
        onClose={() => setOpen(false)}
        onSubmit={async ({ reason }) => {
          await withdraw.mutateAsync({ reportId, reason });
          setOpen(false);
          void message.success(t('withdraw.done'));
        }}
      />
    </>
  );
}
