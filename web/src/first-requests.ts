import { sendEarly } from './api/http';
import { isReturningVisit } from './api/session-hint';
import { inboxPath, inboxQueryAt } from './lib/inbox-query';

/**
 * A returning user's first load (issue 20, first_load_inbox_s): who is logged in and, on the inbox, its first page
 * of tasks are asked for by the first chunk, a few KB that arrives first, while the app's code still downloads.
 */
export function sendFirstRequests(location: Pick<Location, 'pathname' | 'search'>) {
  if (!isReturningVisit(location)) return;
  sendEarly('/api/me');
  const inbox = inboxQueryAt(location);
  if (inbox) sendEarly(inboxPath(inbox));
}
