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

/**
 * The V8 flags every service process runs with: `npm start`, the image's command, each docker-compose service and the
 * server processes the benches and tests start (a test checks each of those names them).
 *
 * `--no-memory-reducer`: V8's memory reducer, when it judges the process idle enough, runs a full garbage collection
 * that compacts the whole old space in one pause to give memory back. Under a steady load of pushes and live notices
 * that judgement is wrong: it fired in the middle of the partner benchmark's stream (612 → 223 MB, a 261 ms pause, then
 * a second), and every repayment sent in that second reached its collector 1–1.5 s late. Without it the old space is
 * collected by the usual incremental, concurrent marking (pauses of 30–50 ms); an idle process keeps the memory it
 * grew to instead of returning it.
 */
export const SERVICE_NODE_FLAGS: readonly string[] = ['--no-memory-reducer'];
