export type EngineErrorCode =
  | 'NOT_FOUND'
  | 'INVALID_STATE'
  | 'INVALID_ARGUMENT'
  | 'INVALID_DEFINITION'
  | 'STEP_FAILED';

/** An error of the engine port; `code` tells the caller what went wrong without parsing the message. */
export class EngineError extends Error {
  override readonly name = 'EngineError';
  constructor(
    readonly code: EngineErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export const notFound = (what: string, key: string) => new EngineError('NOT_FOUND', `${what} ${key} not found`, { key });

/**
 * A step written on what this process kept of an instance found the row moved on (another process stepped it) or its
 * claim already closed: the step rolls back and runs again from the locked row (StepRunner.step). Never reaches a caller.
 */
export class StepConflict extends Error {
  override readonly name = 'StepConflict';
}
