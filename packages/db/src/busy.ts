/**
 * Whether a database error means "too busy now, nothing done", the overload the API answers with 503 and Retry-After
 * rather than 500: Prisma could not start a transaction in time (P2028, "Unable to start a transaction in the given
 * time": PGlite has one connection, and a burst of submits queues on it), or the pool gave no connection in time.
 */
export function isDatabaseBusy(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  if (code === 'P2028') return true;
  return typeof message === 'string' && /Unable to start a transaction in the given time|timeout exceeded when trying to connect/.test(message);
}
