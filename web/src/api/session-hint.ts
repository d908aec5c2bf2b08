import type { Me } from './types';

/** Who this browser last saw logged in (shown at once on the next visit; GET /api/me confirms it). */
const HINT_KEY = 'kuaibao.me';

export const rememberedUser = (): Me | null => {
  try {
    return JSON.parse(localStorage.getItem(HINT_KEY) ?? 'null') as Me | null;
  } catch {
    return null;
  }
};

export const rememberUser = (user: Me | null) => {
  if (user) localStorage.setItem(HINT_KEY, JSON.stringify(user));
  else localStorage.removeItem(HINT_KEY);
};

/** A returning user's visit: this browser remembers a login (the session may still have ended) and the address is not /login. */
export const isReturningVisit = (location: Pick<Location, 'pathname'>) => rememberedUser() !== null && location.pathname !== '/login';
