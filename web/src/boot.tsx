/** The app itself, loaded by the first chunk (main.tsx) once it has sent a returning user's first requests. */
import './zod-config';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { ApiError } from './api/http';
import { App } from './app';
import { I18nProvider } from './i18n/i18n';
import { isReturningVisit } from './api/session-hint';
import { preloadAddress } from './route-preload';

/** A 401 anywhere means the session ended: the login page takes over (see SessionProvider). */
const onUnauthenticated = (error: unknown) => {
  if (error instanceof ApiError && error.status === 401) window.dispatchEvent(new Event('kuaibao:unauthenticated'));
};

const queryClient = new QueryClient({
  queryCache: new QueryCache({ onError: onUnauthenticated }),
  mutationCache: new MutationCache({ onError: onUnauthenticated }),
  // A write offline fails at once with a message (issue 20 defect 9): react-query's default would hold it, the button
  // spinning, and send it unseen when the network returned.
  defaultOptions: { queries: { staleTime: 5_000, refetchOnWindowFocus: true }, mutations: { networkMode: 'always' } },
});

if (isReturningVisit(window.location)) preloadAddress(queryClient, window.location);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <I18nProvider>
        <BrowserRouter>
          <App />
        </BrowserRouter>
      </I18nProvider>
    </QueryClientProvider>
  </StrictMode>,
);
