import type { JobOutcome, StepWrites, Variables } from '../types';

const MAX_BACKOFF_MS = 5 * 60_000;

/** What the worker tells the broker about one job: the SDK call that answers it. */
export type JobAction =
  | { kind: 'complete'; variables: Variables; writes?: StepWrites }
  | { kind: 'error'; errorCode: string; errorMessage: string; variables: Variables }
  | { kind: 'fail'; errorMessage: string; retries: number; retryBackOff: number };

/**
 * Maps a handler's outcome to the broker call, with the same retry policy as the embedded worker:
 * a failure without explicit retries uses one of the job's (retries 0 = incident), and waits an
 * exponential backoff — the fewer retries left, the longer. Retries are always sent explicitly:
 * the SDK's `job.fail({ … })` treats missing retries as 0.
 */
export function toJobAction(outcome: JobOutcome, job: { retries: number }, baseBackoffMs = 1_000): JobAction {
  if ('complete' in outcome) return { kind: 'complete', variables: outcome.variables ?? {}, ...(outcome.writes && { writes: outcome.writes }) };
  if ('bpmnError' in outcome) {
    return { kind: 'error', errorCode: outcome.code, errorMessage: outcome.message ?? '', variables: outcome.variables ?? {} };
  }
  return {
    kind: 'fail',
    errorMessage: outcome.message,
    retries: Math.max(0, outcome.retries ?? job.retries - 1),
    retryBackOff: outcome.retryBackoffMs ?? backoff(job.retries, baseBackoffMs),
  };
}

/** Exponential backoff: `base` with 3 retries left, doubled for each one fewer, capped at 5 minutes. */
export function backoff(retriesLeft: number, base: number): number {
  return Math.min(MAX_BACKOFF_MS, base * 2 ** Math.max(0, 3 - retriesLeft));
}

/** A handler that throws is a technical failure: the job is failed with the exception's message. */
export async function runHandler<J>(handler: (job: J) => Promise<JobOutcome>, job: J): Promise<JobOutcome> {
  try {
    return await handler(job);
  } catch (error) {
    return { fail: true, message: error instanceof Error ? error.message : String(error) };
  }
}
