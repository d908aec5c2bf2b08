/**
 * Slows down password guessing: after `maxFailures` failed logins for one username from one address
 * within `windowMs`, further attempts are refused until the window has passed. In memory, per process:
 * enough for embedded mode; behind several API replicas the reverse proxy should limit as well.
 */
export class LoginThrottle {
  private readonly failures = new Map<string, { count: number; firstAt: number }>();

  constructor(
    private readonly maxFailures = 5,
    private readonly windowMs = 15 * 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Milliseconds until this key may try again, or 0. */
  retryAfterMs(key: string): number {
    const entry = this.failures.get(key);
    if (!entry) return 0;
    const elapsed = this.now() - entry.firstAt;
    if (elapsed >= this.windowMs) {
      this.failures.delete(key);
      return 0;
    }
    return entry.count >= this.maxFailures ? this.windowMs - elapsed : 0;
  }

  /**
   * Counts an attempt as failed before its password is checked, so guesses sent in parallel count as well
   * (a success then clears the count): milliseconds to wait when refused, else 0.
   */
  attempt(key: string): number {
    const waitMs = this.retryAfterMs(key);
    if (waitMs === 0) this.recordFailure(key);
    return waitMs;
  }

  recordFailure(key: string) {
    const entry = this.failures.get(key);
    if (!entry || this.now() - entry.firstAt >= this.windowMs) this.failures.set(key, { count: 1, firstAt: this.now() });
    else entry.count++;
    if (this.failures.size > 100_000) this.failures.delete(this.failures.keys().next().value!);
  }

  /** Takes back one failure counted ahead (a login that succeeded), leaving the others: a success does not wipe a budget. */
  forgiveOne(key: string) {
    const entry = this.failures.get(key);
    if (entry && --entry.count <= 0) this.failures.delete(key);
  }

  recordSuccess(key: string) {
    this.failures.delete(key);
  }
}
