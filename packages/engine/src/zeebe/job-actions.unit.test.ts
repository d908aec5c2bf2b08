import { describe, expect, it } from 'vitest';
import { bpmnError, complete, fail } from '../types';
import { backoff, runHandler, toJobAction } from './job-actions';

describe('handler outcomes as broker calls', () => {
  it('completes with the variables and throws a BPMN error with code, message and variables', () => {
    // given / when / then
    expect(toJobAction(complete({ severity: 'II' }), { retries: 3 })).toEqual({ kind: 'complete', variables: { severity: 'II' } });
    expect(toJobAction(complete(), { retries: 3 })).toEqual({ kind: 'complete', variables: {} });
    expect(toJobAction(bpmnError('NOT_AN_INCIDENT', '经核实不属于突发事件', { closeReason: '误报' }), { retries: 3 })).toEqual({
      kind: 'error', errorCode: 'NOT_AN_INCIDENT', errorMessage: '经核实不属于突发事件', variables: { closeReason: '误报' },
    });
  });

  it('fails using one retry with an exponential backoff unless the handler says otherwise; never below zero', () => {
    // given / when / then
    expect(toJobAction(fail('SMS gateway timeout'), { retries: 3 }, 1_000)).toEqual({ kind: 'fail', errorMessage: 'SMS gateway timeout', retries: 2, retryBackOff: 1_000 });
    expect(toJobAction(fail('SMS gateway timeout'), { retries: 1 }, 1_000)).toMatchObject({ retries: 0, retryBackOff: 4_000 });
    expect(toJobAction(fail('permanent: unknown unit', { retries: 0 }), { retries: 5 })).toMatchObject({ retries: 0 });
    expect(toJobAction(fail('later', { retryBackoffMs: 60_000 }), { retries: 3 })).toMatchObject({ retries: 2, retryBackOff: 60_000 });
    expect(toJobAction(fail('odd', { retries: -2 }), { retries: 3 })).toMatchObject({ retries: 0 });
    expect(toJobAction(fail('last'), { retries: 0 })).toMatchObject({ retries: 0 });
  });

  it('doubles the backoff per retry used up, capped at five minutes', () => {
    expect([3, 2, 1, 0].map((left) => backoff(left, 1_000))).toEqual([1_000, 2_000, 4_000, 8_000]);
    expect(backoff(5, 1_000)).toBe(1_000);
    expect(backoff(-20, 1_000)).toBe(300_000);
  });

  it('turns a handler that throws into a failure with its message', async () => {
    // given
    const throwing = async () => {
      throw new Error('短信网关不可用');
    };

    // when / then
    await expect(runHandler(throwing, {})).resolves.toEqual({ fail: true, message: '短信网关不可用' });
    await expect(runHandler(async () => complete({ a: 1 }), {})).resolves.toEqual({ complete: true, variables: { a: 1 } });
  });
});
