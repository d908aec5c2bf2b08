import { useCallback, useRef, useState } from 'react';
import { ApiError } from '../../api/http';
import { saveDraft, type Draft, type Finding } from './designer-api';

export type SaveState =
  | { kind: 'saved'; revision: number }
  | { kind: 'dirty' }
  | { kind: 'saving' }
  | { kind: 'conflict'; who: string; at: string }
  | { kind: 'refused'; message: string };

const DELAY_MS = 800;

/**
 * Autosave of a draft: each change is saved shortly after the designer stops, over the revision last saved. A 409 (someone
 * else saved since) stops autosaving and says who and when, so nobody's work is overwritten silently.
 */
export function useAutosave(draft: Draft, onSaved: (findings: Finding[]) => void) {
  const [state, setState] = useState<SaveState>({ kind: 'saved', revision: draft.revision });
  const revision = useRef(draft.revision);
  const pending = useRef<string | null>(null);
  const running = useRef<Promise<void> | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const stopped = useRef(false);

  const flush = useCallback(async (): Promise<void> => {
    if (timer.current) clearTimeout(timer.current);
    if (running.current) await running.current;
    const xml = pending.current;
    if (xml === null || stopped.current) return;
    pending.current = null;
    setState({ kind: 'saving' });
    running.current = (async () => {
      try {
        const saved = await saveDraft(draft.id, xml, revision.current);
        revision.current = saved.revision;
        onSaved(saved.findings);
        setState(pending.current === null ? { kind: 'saved', revision: saved.revision } : { kind: 'dirty' });
      } catch (error) {
        const problem = error instanceof ApiError ? error.problem as ApiError['problem'] & { current?: { updatedBy: string; updatedAt: string } } : null;
        if (problem?.status === 409 && problem.current) {
          stopped.current = true;
          setState({ kind: 'conflict', who: problem.current.updatedBy, at: problem.current.updatedAt });
        } else {
          setState({ kind: 'refused', message: error instanceof Error ? error.message : String(error) });
        }
      } finally {
        running.current = null;
      }
    })();
    await running.current;
    if (pending.current !== null) await flush();
  }, [draft.id, onSaved]);

  const changed = useCallback((xml: string) => {
    if (stopped.current) return;
    pending.current = xml;
    setState({ kind: 'dirty' });
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void flush(), DELAY_MS);
  }, [flush]);

  return { state, changed, flush, revision };
}
