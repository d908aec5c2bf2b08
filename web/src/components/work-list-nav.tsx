import { Link } from 'react-router';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';

const LISTS: { key: string; to: string; label: MessageKey }[] = [
  { key: 'todo', to: '/inbox', label: 'lists.todo' },
  { key: 'done', to: '/inbox/done', label: 'lists.done' },
  { key: 'initiated', to: '/inbox/initiated', label: 'lists.initiated' },
  { key: 'copied', to: '/inbox/copied', label: 'lists.copied' },
];

/** 待办 / 已办 / 我发起的 / 抄送我的: one link each (one tab stop each), the current one marked for screen readers too. */
export function WorkListNav({ current }: { current: string }) {
  const { t } = useI18n();
  return (
    <nav aria-label={t('lists.nav')} className="kb-worklist-nav" data-testid="worklist-nav">
      {LISTS.map((list) => (
        <Link key={list.key} to={list.to} aria-current={list.key === current ? 'page' : undefined} className={list.key === current ? 'active' : undefined} data-testid={`worklist-${list.key}`}>
          {t(list.label)}
        </Link>
      ))}
    </nav>
  );
}
