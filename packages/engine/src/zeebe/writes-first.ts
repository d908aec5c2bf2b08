import { EngineError } from '../errors';
import type { StepCommand, StepWrites } from '../types';

/**
 * Zeebe cannot share a transaction with our database, so a completion's business writes go first: they
 * commit with a record of the command (`before`), the command is sent, and the record is dropped (`after`).
 * Killed in between, the record stays and reconciliation at start sends the command again; the writes carry
 * idempotency keys, so a job delivered again writes nothing twice. A command the broker refuses because the
 * task or job is no longer open drops the record too: sending it again could not succeed.
 */
export async function sendAfterWrites(
  writes: StepWrites | undefined,
  command: StepCommand,
  send: () => Promise<unknown>,
  isNoLongerOpen: (error: unknown) => boolean = closedByEngine,
): Promise<void> {
  if (!writes) {
    await send();
    return;
  }
  await writes.before(command);
  try {
    await send();
  } catch (error) {
    if (isNoLongerOpen(error)) await writes.after(command);
    throw error;
  }
  await writes.after(command);
}

const closedByEngine = (error: unknown) => error instanceof EngineError && (error.code === 'INVALID_STATE' || error.code === 'NOT_FOUND');
