import type { ApiDeps } from '../deps';

/** The display names of the users holding tasks (a holder is shown by name, never by login id). */
export async function assigneeNames(deps: Pick<ApiDeps, 'users'>, usernames: readonly (string | null)[]): Promise<Map<string, string>> {
  const distinct = [...new Set(usernames.filter((u): u is string => !!u))];
  const users = await Promise.all(distinct.map((username) => deps.users.findByUsername(username)));
  return new Map(users.flatMap((user) => (user ? [[user.username, user.displayName] as const] : [])));
}
