import { describe, expect, it } from 'vitest';
import { LoginThrottle } from './login-throttle';

describe('LoginThrottle', () => {
  it('refuses after five failures within the window and lets the key try again after it', () => {
    // given
    let now = 0;
    const throttle = new LoginThrottle(5, 60_000, () => now);

    // when
    for (let i = 0; i < 4; i++) throttle.recordFailure('1.2.3.4|lx_reporter');
    const afterFour = throttle.retryAfterMs('1.2.3.4|lx_reporter');
    throttle.recordFailure('1.2.3.4|lx_reporter');

    // then
    expect(afterFour).toBe(0);
    expect(throttle.retryAfterMs('1.2.3.4|lx_reporter')).toBe(60_000);
    expect(throttle.retryAfterMs('1.2.3.4|lx_verifier')).toBe(0);
    now = 60_000;
    expect(throttle.retryAfterMs('1.2.3.4|lx_reporter')).toBe(0);
  });

  it('counts attempts still being checked, so guesses sent at once are refused after the fifth', () => {
    const throttle = new LoginThrottle(5, 60_000, () => 0);
    const waits = Array.from({ length: 8 }, () => throttle.attempt('k'));
    expect(waits).toEqual([0, 0, 0, 0, 0, 60_000, 60_000, 60_000]);
    throttle.recordSuccess('k'); // one of the first five was the right password
    expect(throttle.attempt('k')).toBe(0);
  });

  it('forgets failures after a successful login', () => {
    const throttle = new LoginThrottle(2, 60_000, () => 0);
    throttle.recordFailure('k');
    throttle.recordSuccess('k');
    throttle.recordFailure('k');
    expect(throttle.retryAfterMs('k')).toBe(0);
  });
});
