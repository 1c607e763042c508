import type { Logger } from './logging';

/**
 * A background job's timer: one run every `everyMs`, never two at once in one instance (a run longer than the period
 * skips the ticks it overlaps); a failed run is logged as `<what> failed`. `everyMs` 0 turns the job off.
 */
export function startPeriodicJob(run: () => Promise<unknown>, everyMs: number, logger: Logger, what: string): { stop(this: void): void } {
  if (everyMs <= 0) return { stop: () => undefined };
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    run()
      .catch((err: unknown) => logger.error({ err }, `${what} failed`))
      .finally(() => {
        running = false;
      });
  }, everyMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
