import { EngineError } from '../errors';

/** gRPC status codes the gateway answers with (grpc-js `ServiceError.code`). */
const GRPC = { INVALID_ARGUMENT: 3, NOT_FOUND: 5, ALREADY_EXISTS: 6, FAILED_PRECONDITION: 9 } as const;

/**
 * What the call was, for the mapping of "not found":
 * - `command` on an existing key (complete, fail, cancel, resolve, assign…): Zeebe removes completed
 *   jobs, tasks, instances and resolved incidents from its state, so NOT_FOUND means "no longer open"
 *   and becomes INVALID_STATE, as the embedded engine answers for a completed job or task;
 * - `lookup` (start by process id, update retries): NOT_FOUND stays NOT_FOUND;
 * - `deploy`: an invalid resource is INVALID_DEFINITION.
 */
export type CallKind = 'command' | 'lookup' | 'deploy';

export interface CallContext {
  kind: CallKind;
  /** What the call was about, for the message: `Job 2251799813685251`. */
  subject: string;
}

type Category = 'not-found' | 'conflict' | 'invalid' | 'other';

/** Maps an SDK error (gRPC ServiceError or REST HttpSdkError) to the port's EngineError; other errors pass unchanged. */
export function toEngineError(error: unknown, context: CallContext): unknown {
  if (error instanceof EngineError) return error;
  const category = categorize(error);
  const detail = describe(error);
  const details = { subject: context.subject, cause: detail };
  switch (category) {
    case 'not-found':
      return context.kind === 'command'
        ? new EngineError('INVALID_STATE', `${context.subject} is not open (completed, canceled or unknown)`, details)
        : new EngineError('NOT_FOUND', `${context.subject} not found`, details);
    case 'conflict':
      return new EngineError('INVALID_STATE', `${context.subject}: ${detail}`, details);
    case 'invalid':
      return new EngineError(context.kind === 'deploy' ? 'INVALID_DEFINITION' : 'INVALID_ARGUMENT', `${context.subject}: ${detail}`, details);
    default:
      return error;
  }
}

/** Runs an SDK call and rethrows its failure as the port's error. */
export async function call<T>(context: CallContext, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw toEngineError(error, context);
  }
}

/** True for a REST 404 / gRPC NOT_FOUND: a read that finds nothing answers null instead of failing. */
export function isNotFound(error: unknown): boolean {
  return categorize(error) === 'not-found';
}

function categorize(error: unknown): Category {
  if (!error || typeof error !== 'object') return 'other';
  const e = error as { code?: unknown; status?: unknown; title?: unknown };
  if (typeof e.status === 'number') {
    if (e.status === 404) return 'not-found';
    if (e.status === 409) return 'conflict';
    if (e.status === 400) return 'invalid';
    return 'other';
  }
  if (typeof e.code === 'number') {
    if (e.code === GRPC.NOT_FOUND) return 'not-found';
    if (e.code === GRPC.FAILED_PRECONDITION || e.code === GRPC.ALREADY_EXISTS) return 'conflict';
    if (e.code === GRPC.INVALID_ARGUMENT) return 'invalid';
  }
  return 'other';
}

function describe(error: unknown): string {
  const e = error as { details?: unknown; detail?: unknown; message?: unknown };
  for (const text of [e.details, e.detail, e.message]) if (typeof text === 'string' && text) return text;
  return String(error);
}
