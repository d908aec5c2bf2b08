import { useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, ApiError } from './http';
import { rememberedUser, rememberUser } from './session-hint';
import type { Me } from './types';

/**
 * Who is logged in. The session itself is an httpOnly cookie; this browser only remembers *that* it
 * logged in (the user's public profile), so a fresh visit goes straight to the login page instead
 * of asking the API and getting a 401, and a returning visit confirms the session with /api/me.
 */

interface Session {
  me: Me | null;
  /** true while a remembered session is being confirmed. */
  checking: boolean;
  /** The user logged out here (not an expired session): the login page starts afresh, not where they were. */
  loggedOut: boolean;
  login(username: string, password: string): Promise<Me>;
  logout(): Promise<void>;
  /** The API answered 401: the session ended elsewhere. */
  expired(): void;
  /** Reads who is logged in again (after changing one's password). */
  refresh(): Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const client = useQueryClient();
  const [me, setMe] = useState<Me | null>(rememberedUser);
  const [checking, setChecking] = useState(() => rememberedUser() !== null);
  const [loggedOut, setLoggedOut] = useState(false);

  const remember = useCallback((user: Me | null) => {
    rememberUser(user);
    setMe(user);
  }, []);

  useEffect(() => {
    if (!checking) return;
    api<Me>('/api/me')
      .then(remember, (error: unknown) => {
        if (error instanceof ApiError && error.status === 401) remember(null);
      })
      .finally(() => setChecking(false));
  }, [checking, remember]);

  useEffect(() => {
    const onUnauthenticated = () => remember(null);
    window.addEventListener('kuaibao:unauthenticated', onUnauthenticated);
    return () => window.removeEventListener('kuaibao:unauthenticated', onUnauthenticated);
  }, [remember]);

  const value = useMemo<Session>(
    () => ({
      me,
      checking,
      loggedOut,
      async login(username, password) {
        const user = await api<Me>('/api/auth/login', { method: 'POST', body: { username, password } });
        client.clear();
        setLoggedOut(false);
        remember(user);
        return user;
      },
      async logout() {
        await api<void>('/api/auth/logout', { method: 'POST' }).catch(() => undefined);
        setLoggedOut(true);
        remember(null);
        client.clear();
      },
      expired: () => remember(null),
      async refresh() {
        remember(await api<Me>('/api/me'));
      },
    }),
    [me, checking, loggedOut, client, remember],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const context = useContext(SessionContext);
  if (!context) throw new Error('useSession outside SessionProvider');
  return context;
}
