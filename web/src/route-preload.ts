import type { QueryClient } from '@tanstack/react-query';
import { inboxQueryOptions } from './api/queries';
import { inboxQueryAt } from './lib/inbox-query';

/** The code of the frame and of the pages a returning user most often opens first; app.tsx's lazy pages load the same. */
export const chunks = {
  login: () => import('./pages/login-page'),
  layout: () => import('./components/app-layout'),
  inbox: () => import('./pages/inbox-page'),
  workList: () => import('./pages/work-list-page'),
  task: () => import('./pages/task-page'),
  incidents: () => import('./pages/incidents-page'),
  dossier: () => import('./pages/dossier-page'),
};

/** The page chunk an address opens, of those above. */
function pageChunkOf(pathname: string): (() => Promise<unknown>) | undefined {
  const [section, rest] = pathname.split('/').filter(Boolean);
  if (section === undefined) return chunks.inbox;
  if (section === 'inbox') return rest ? chunks.workList : chunks.inbox;
  if (section === 'tasks') return chunks.task;
  if (section === 'incidents') return rest ? chunks.dossier : chunks.incidents;
  return undefined;
}

/**
 * A returning user's first load (issue 20, first_load_inbox_s; docs/adr/0060): the frame's code, the page's code and
 * the inbox's tasks are asked for at once, as soon as the first chunk runs, instead of one after another as React
 * reaches them (the session's check, then the frame, then the page, then its data: four round trips in a row).
 * A session that ended answers the data with 401, which sends the user to the login page as any 401 does.
 */
export function preloadAddress(client: QueryClient, location: Pick<Location, 'pathname' | 'search'>) {
  void chunks.layout();
  void pageChunkOf(location.pathname)?.();
  const inbox = inboxQueryAt(location);
  if (inbox) void client.prefetchQuery(inboxQueryOptions(inbox));
}
