import { afterEach, describe, expect, it, vi } from 'vitest';
import { repeatEvery } from './repeat-every';

describe('repeatEvery', () => {
  afterEach(() => vi.useRealTimers());

  it('runs the first pass after its delay, then each interval after the last pass settled, never two at once', async () => {
    // given
    vi.useFakeTimers();
    const started: number[] = [];
    let inFlight = 0;
    let most = 0;
    const loop = repeatEvery(async () => {
      started.push(Date.now());
      most = Math.max(most, ++inFlight);
      await new Promise((resolve) => setTimeout(resolve, 30));
      inFlight--;
    }, 100, () => undefined, 10);
    const t0 = Date.now();

    // when
    await vi.advanceTimersByTimeAsync(300);
    await loop.stop();

    // then: 10, 10 + 30 + 100 = 140, 270
    expect(started.map((t) => t - t0)).toEqual([10, 140, 270]);
    expect(most).toBe(1);
  });

  it('hands a failing pass to onError and goes on', async () => {
    // given
    vi.useFakeTimers();
    const errors: unknown[] = [];
    let passes = 0;
    const loop = repeatEvery(async () => {
      passes++;
      throw new Error(`pass ${passes}`);
    }, 50, (error) => errors.push(error), 0);

    // when
    await vi.advanceTimersByTimeAsync(120);
    await loop.stop();

    // then
    expect(passes).toBe(3);
    expect(errors.map((e) => (e as Error).message)).toEqual(['pass 1', 'pass 2', 'pass 3']);
  });

  it('stop() waits for the pass under way and no pass starts after it', async () => {
    // given
    vi.useFakeTimers();
    let finished = 0;
    let passes = 0;
    const loop = repeatEvery(async () => {
      passes++;
      await new Promise((resolve) => setTimeout(resolve, 40));
      finished++;
    }, 10, () => undefined, 0);
    await vi.advanceTimersByTimeAsync(5);

    // when
    const stopped = loop.stop();
    await vi.advanceTimersByTimeAsync(40);
    await stopped;
    await vi.advanceTimersByTimeAsync(200);

    // then
    expect(finished).toBe(1);
    expect(passes).toBe(1);
  });
});
