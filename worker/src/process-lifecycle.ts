/** Entry points' shared ending: stop cleanly on SIGINT/SIGTERM (exit 0, or 1 if stopping fails). */
export function stopOnSignals(stop: () => Promise<void>, announce: (signal: NodeJS.Signals) => string): void {
  const onSignal = (signal: NodeJS.Signals) => {
    console.log(announce(signal));
    stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
}

/** An entry point's last line: a configuration error names its variable, anything else shows its stack. */
export function exitOnError(error: unknown): never {
  console.error(error instanceof Error && error.message.startsWith('Invalid ') ? error.message : error);
  process.exit(1);
}
