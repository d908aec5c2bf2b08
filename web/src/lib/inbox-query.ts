import type { InboxQuery, InboxView } from '../api/types';
import { searchOf } from './search-params';

export const INBOX_VIEWS: InboxView[] = ['mine', 'group', 'all'];

/** The inbox query an address holds (a filtered inbox can be bookmarked and survives a reload). */
export function inboxQueryFrom(params: URLSearchParams): InboxQuery {
  const view = params.get('view');
  const overdue = params.get('overdue');
  return {
    view: INBOX_VIEWS.includes(view as InboxView) ? (view as InboxView) : 'all',
    kind: params.get('kind') ?? undefined,
    severity: params.get('severity') ?? undefined,
    category: params.get('category') ?? undefined,
    unit: params.get('unit') ?? undefined,
    overdue: overdue === 'true' || overdue === 'false' ? overdue : undefined,
    sort: params.get('sort') === 'created' ? 'created' : 'due',
    page: Math.max(1, Number(params.get('page')) || 1),
  };
}

/** The inbox query of an address that opens the inbox (/ or /inbox, with its filters); undefined for any other page. */
export const inboxQueryAt = (location: Pick<Location, 'pathname' | 'search'>): InboxQuery | undefined =>
  location.pathname === '/inbox' || location.pathname === '/' ? inboxQueryFrom(new URLSearchParams(location.search)) : undefined;

/** The API address of an inbox query's page of tasks (the inbox's query, and the first load's early request). */
export const inboxPath = (query: InboxQuery) => `/api/tasks?${searchOf({ ...query, pageSize: 20 })}`;
