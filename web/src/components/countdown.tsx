import { useI18n } from '../i18n/i18n';
import { formatDateTime, timeLeft } from '../lib/time';

/** A task's deadline as a live countdown: red once overdue; "—" for tasks without a deadline. */
export function Countdown({ due, now }: { due: string | null; now: number }) {
  const { t } = useI18n();
  if (!due) return <span className="kb-countdown none" data-testid="countdown">{t('common.none')}</span>;
  const left = timeLeft(due, now);
  const time =
    left.days > 0 ? t('due.days', { d: left.days, h: left.hours })
    : left.hours > 0 ? t('due.hours', { h: left.hours, m: left.minutes })
    : t('due.minutes', { m: left.minutes, s: left.seconds });
  return (
    <span className={`kb-countdown${left.overdue ? ' overdue' : ''}`} title={formatDateTime(due)} data-testid="countdown">
      {t(left.overdue ? 'due.overdue' : 'due.left', { time })}
    </span>
  );
}
