import { describe, expect, it } from 'vitest';
import { toAppError } from './problem-middleware';

describe('errors that are overload, not faults', () => {
  it('answers Prisma’s transaction-start timeout (P2028, a burst on PGlite) with 503 OVERLOADED, not 500', () => {
    const timedOut = Object.assign(new Error('Transaction API error: Unable to start a transaction in the given time.'), { code: 'P2028' });

    expect(toAppError(timedOut).code).toBe('OVERLOADED');
    expect(toAppError(new Error('Unable to start a transaction in the given time.')).code).toBe('OVERLOADED');
    expect(toAppError(new Error('timeout exceeded when trying to connect')).code).toBe('OVERLOADED');
    expect(toAppError(new Error('relation "x" does not exist')).code).toBe('INTERNAL');
  });
});
