import type { RetryItemResult } from '@kuaibao/domain';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../../api/http';
import { keys } from '../../api/queries';
import { traceKeys } from '../../api/trace';
import type { MonitoredInstance } from '../../api/types';

/** One failed step of a batch retry, as the admin chose it. */
export interface RetryTarget { key: string; instanceKey: string; incidentNumber: string | null; elementId: string; elementName: string | null; errorMessage: string }

/**
 * Where an item stands: waiting for its turn, sent, retried (the step runs again), refused by the server (its status
 * and detail), and — watched afterwards — failed again (a new failure at the same step), passed (the flow no longer
 * waits at that step and has no failure there), or still retried when the watch ends without either.
 */
export type RetryState =
  | { state: 'pending' | 'sending' | 'retried' | 'passed' }
  | { state: 'refused'; status: number; detail: string }
  | { state: 'failedAgain'; detail: string };

/** Items per request: small, so the progress moves visibly and one slow step holds up only its own request. */
const CHUNK = 5;
/** After the last request: how long, and how often, the retried steps' instances are read again to see which failed anew or passed. */
const WATCH_MS = 30_000;
const WATCH_EVERY_MS = 2_000;
/** How many instances one look names (the API's most). */
const WATCH_LIMIT = 500;

/**
 * A batch retry with its progress (issue 22 item 3, docs/adr/0059): the keys go to `POST /api/admin/incidents/retry`
 * a few at a time, each item's answer shown as it comes; then the running instances are read again until every
 * retried item has an outcome (at most WATCH_MS): an item whose instance stopped at the same step again is marked as
 * failed again, with the new error; one whose instance runs on past that step (or has ended) as passed.
 */
export function useBatchRetry(targets: readonly RetryTarget[]) {
  const client = useQueryClient();
  const [states, setStates] = useState<Record<string, RetryState>>(() => Object.fromEntries(targets.map((t) => [t.key, { state: 'pending' }])));
  const [phase, setPhase] = useState<'idle' | 'sending' | 'watching' | 'done'>('idle');
  const [error, setError] = useState<unknown>(null);
  const alive = useRef(true);
  useEffect(() => () => void (alive.current = false), []);
  const set = (key: string, state: RetryState) => alive.current && setStates((s) => ({ ...s, [key]: state }));

  const run = useCallback(async (body: { reason: string; retries: number }) => {
    setPhase('sending');
    setError(null);
    const retried: RetryTarget[] = [];
    try {
      for (let i = 0; i < targets.length && alive.current; i += CHUNK) {
        const chunk = targets.slice(i, i + CHUNK);
        for (const t of chunk) set(t.key, { state: 'sending' });
        const { results } = await api<{ results: RetryItemResult[] }>('/api/admin/incidents/retry', { method: 'POST', body: { ...body, incidentKeys: chunk.map((t) => t.key) } });
        for (const r of results) {
          if (r.ok) retried.push(chunk.find((t) => t.key === r.incidentKey)!);
          set(r.incidentKey, r.ok ? { state: 'retried' } : { state: 'refused', status: r.status, detail: r.detail });
        }
      }
    } catch (caught) {
      // a request that failed whole (network, 400, 403): the items not answered stay pending
      setError(caught);
      setStates((s) => Object.fromEntries(Object.entries(s).map(([k, v]) => [k, v.state === 'sending' ? { state: 'pending' } : v])));
      setPhase('done');
      return;
    } finally {
      void client.invalidateQueries({ queryKey: traceKeys.all });
      void client.invalidateQueries({ queryKey: keys.instances });
    }
    if (!alive.current) return;
    setPhase('watching');
    const watched = new Set(retried.map((t) => t.key));
    for (let waited = 0; waited < WATCH_MS && watched.size > 0 && alive.current; waited += WATCH_EVERY_MS) {
      await new Promise((resolve) => setTimeout(resolve, WATCH_EVERY_MS));
      const looking = retried.filter((t) => watched.has(t.key)).slice(0, WATCH_LIMIT);
      const instances = [...new Set(looking.map((t) => t.instanceKey))].join(',');
      const items = await api<{ items: MonitoredInstance[] }>(`/api/admin/instances?instances=${instances}`).then((r) => r.items, () => null);
      if (!items) continue;
      for (const t of looking) {
        const outcome = outcomeOf(t, items);
        if (!outcome) continue;
        watched.delete(t.key);
        set(t.key, outcome);
      }
    }
    if (alive.current) setPhase('done');
    void client.invalidateQueries({ queryKey: keys.instances });
  }, [targets, client]);

  const settled = Object.values(states).filter((s) => s.state !== 'pending' && s.state !== 'sending').length;
  return { states, phase, error, run, settled, total: targets.length };
}

/**
 * A retried item's outcome from one look at its instance (the API leaves out one that has ended), or null while it
 * cannot tell. The retry resolved the old failure before it answered, so a failure at the same step now is a new one.
 */
function outcomeOf(t: RetryTarget, items: MonitoredInstance[]): RetryState | null {
  const instance = items.find((i) => i.instanceKey === t.instanceKey);
  if (!instance) return { state: 'passed' };
  const again = instance.incidents.find((x) => x.elementId === t.elementId);
  if (again) return { state: 'failedAgain', detail: again.errorMessage };
  return instance.waiting.some((w) => w.elementId === t.elementId) ? null : { state: 'passed' };
}
