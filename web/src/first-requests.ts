import { sendEarly } from './api/early-requests';
import { rememberedUser } from './api/session-hint';
import { storedLocale } from './i18n/locale-storage';
import { inboxPath, inboxQueryFrom } from './lib/inbox-query';

/**
 * A returning user's first load (issue 20, first_load_inbox_s): who is logged in and, on the inbox, its first page
 * of tasks are asked for by the first chunk, a few KB that arrives first, while the app's code still downloads.
 */
export function sendFirstRequests(location: Pick<Location, 'pathname' | 'search'>) {
  if (rememberedUser() === null || location.pathname === '/login') return;
  const language = storedLocale();
  sendEarly('/api/me', language);
  if (location.pathname === '/inbox' || location.pathname === '/') sendEarly(inboxPath(inboxQueryFrom(new URLSearchParams(location.search))), language);
}
