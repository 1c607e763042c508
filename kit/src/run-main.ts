/**
 * An entry point's body (`if (require.main === module) runMain(listen)`): starts, stops cleanly on SIGTERM/SIGINT,
 * and exits non-zero naming the error when starting fails.
 */
export function runMain(start: () => Promise<{ close(): Promise<void> } | void>): void {
  start().then(
    (running) => {
      if (!running) return;
      const stop = () => void running.close().then(() => process.exit(0));
      process.once('SIGTERM', stop);
      process.once('SIGINT', stop);
    },
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
