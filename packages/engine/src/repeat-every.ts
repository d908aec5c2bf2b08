/** A loop started by repeatEvery. */
export interface RepeatingPass {
  /** No more passes; resolves once a pass under way has settled. */
  stop(): Promise<void>;
}

/**
 * Runs `pass` after `firstDelayMs`, then `intervalMs` after each pass settles (never two at once), until
 * stop(). A pass that throws goes to `onError` and the loop goes on. Its timers do not keep the process alive.
 */
export function repeatEvery(pass: () => Promise<unknown>, intervalMs: number, onError: (error: unknown) => void, firstDelayMs = intervalMs): RepeatingPass {
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<unknown> = Promise.resolve();
  const tick = () => {
    running = Promise.resolve()
      .then(pass)
      .catch(onError)
      .finally(() => {
        if (timer) timer = setTimeout(tick, intervalMs).unref();
      });
  };
  timer = setTimeout(tick, firstDelayMs).unref();
  return {
    async stop() {
      const pending = timer;
      timer = null;
      if (pending) clearTimeout(pending);
      await running;
    },
  };
}
