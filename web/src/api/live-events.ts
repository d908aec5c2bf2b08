import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { keys } from './queries';

/** connecting: the first connection is being made (not a failure); reconnecting: it dropped, EventSource retries. */
export type LiveState = 'connecting' | 'live' | 'reconnecting' | 'offline';

/** Coalesces a burst of events (a claim seen by the service and the watcher) into one refetch. */
const DEBOUNCE_MS = 100;

/**
 * Listens to `GET /api/events` while logged in: whenever a task of mine or my groups is created,
 * claimed, given back or completed, the inbox and open task pages refetch (and dossiers on screen,
 * whose progress moved). EventSource reconnects by itself; on every (re)connect we refetch once, so
 * nothing that happened while disconnected is missed.
 */
export function useLiveInbox(enabled: boolean): LiveState {
  const client = useQueryClient();
  const [state, setState] = useState<LiveState>('connecting');
  useEffect(() => {
    if (!enabled) return;
    const source = new EventSource('/api/events');
    let timer: number | undefined;
    const refetch = () => {
      timer = undefined;
      void client.invalidateQueries({ queryKey: keys.tasks });
      void client.invalidateQueries({ queryKey: keys.incidents });
    };
    source.addEventListener('ready', () => {
      setState('live');
      refetch();
    });
    source.addEventListener('tasks', () => {
      timer ??= window.setTimeout(refetch, DEBOUNCE_MS);
    });
    source.onerror = () => setState(source.readyState === EventSource.CLOSED ? 'offline' : 'reconnecting');
    return () => {
      source.close();
      window.clearTimeout(timer);
    };
  }, [enabled, client]);
  return state;
}
