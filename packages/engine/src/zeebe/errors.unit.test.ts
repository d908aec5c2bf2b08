import { describe, expect, it } from 'vitest';
import { EngineError } from '../errors';
import { isNotFound, toEngineError } from './errors';
import { grpcError, restError } from './testing/fake-camunda';

const command = { kind: 'command', subject: 'Job 42' } as const;
const lookup = { kind: 'lookup', subject: 'Process incident-report' } as const;
const deploy = { kind: 'deploy', subject: 'Deployment of x.bpmn' } as const;

describe('SDK errors as the port reports them', () => {
  it('treats NOT_FOUND on a command as "no longer open" (INVALID_STATE) and on a lookup as NOT_FOUND', () => {
    // given
    const grpcMissing = grpcError(5, "Command 'COMPLETE' rejected with code 'NOT_FOUND'");
    const restMissing = restError(404, 'NOT_FOUND', 'User task not found');

    // when / then
    expect(toEngineError(grpcMissing, command)).toMatchObject({ code: 'INVALID_STATE', message: 'Job 42 is not open (completed, canceled or unknown)' });
    expect(toEngineError(restMissing, command)).toMatchObject({ code: 'INVALID_STATE' });
    expect(toEngineError(grpcMissing, lookup)).toMatchObject({ code: 'NOT_FOUND', message: 'Process incident-report not found' });
    expect(isNotFound(grpcMissing) && isNotFound(restMissing)).toBe(true);
  });

  it('maps conflicts to INVALID_STATE and invalid input to INVALID_ARGUMENT, or INVALID_DEFINITION for a deployment', () => {
    // given / when / then
    expect(toEngineError(grpcError(9, 'job is not activatable'), command)).toMatchObject({ code: 'INVALID_STATE', details: { cause: 'job is not activatable' } });
    expect(toEngineError(grpcError(6, 'message with id already published'), command)).toMatchObject({ code: 'INVALID_STATE' });
    expect(toEngineError(restError(409, 'INVALID_STATE', 'task is being completed'), command)).toMatchObject({ code: 'INVALID_STATE' });
    expect(toEngineError(grpcError(3, 'retries must be positive'), command)).toMatchObject({ code: 'INVALID_ARGUMENT' });
    expect(toEngineError(restError(400, 'INVALID_ARGUMENT'), lookup)).toMatchObject({ code: 'INVALID_ARGUMENT' });
    expect(toEngineError(grpcError(3, "Element: sign-off\n ERROR: Must have exactly one 'zeebe:calledElement'"), deploy)).toMatchObject({
      code: 'INVALID_DEFINITION',
      message: expect.stringContaining('sign-off'),
    });
  });

  it('lets infrastructure failures and the port\'s own errors through unchanged', () => {
    // given
    const unavailable = grpcError(14, 'UNAVAILABLE: No connection established');
    const overloaded = restError(503, 'RESOURCE_EXHAUSTED');
    const own = new EngineError('NOT_FOUND', 'x');

    // when / then
    expect(toEngineError(unavailable, command)).toBe(unavailable);
    expect(toEngineError(overloaded, command)).toBe(overloaded);
    expect(toEngineError(own, command)).toBe(own);
    expect(toEngineError('boom', command)).toBe('boom');
  });
});
