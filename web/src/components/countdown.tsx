import type { TaskDeadline } from '../api/types';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';
import { formatDateTime, timeLeft } from '../lib/time';

/**
 * A task's deadline as a live countdown: red once overdue; "—" for tasks without a deadline. With the
 * deadline's clock, the tooltip names the channel, the rule of the notice and the policy version.
 */
export function Countdown({ due, now, deadline }: { due: string | null; now: number; deadline?: TaskDeadline | null | undefined }) {
  const { t } = useI18n();
  if (!due) return <span className="kb-countdown none" data-testid="countdown">{t('common.none')}</span>;
  const left = timeLeft(due, now);
  const time =
    left.days > 0 ? t('due.days', { d: left.days, h: left.hours })
    : left.hours > 0 ? t('due.hours', { h: left.hours, m: left.minutes })
    : t('due.minutes', { m: left.minutes, s: left.seconds });
  const title = deadline?.rule
    ? t('due.title', {
        at: formatDateTime(due),
        channel: deadline.channel ? t(`clock.channel.${deadline.channel}` as MessageKey) : '',
        rule: deadline.rule,
        policy: t('clock.policy', { code: deadline.policyCode ?? '', version: deadline.policyVersion ?? '' }),
      })
    : formatDateTime(due);
  return (
    <span className={`kb-countdown${left.overdue ? ' overdue' : ''}`} title={title} data-testid="countdown" data-due={due} data-channel={deadline?.channel ?? ''}>
      {t(left.overdue ? 'due.overdue' : 'due.left', { time })}
    </span>
  );
}
