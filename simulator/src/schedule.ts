import type { Logger } from '@platform/kit';
import type { PushedCases } from './pushed-cases';
import type { PartnerPusher } from './pushes';

export interface ScheduleOptions {
  /** A batch of `batchSize` new cases every this many minutes (0: none), the first at start. */
  batchMinutes: number;
  batchSize: number;
  /** Repayments a second over the cases pushed so far (0: none). */
  repaymentRate: number;
  seed: number;
}

/**
 * The core system's daily rhythm, compressed: batches of overdue cases on a timer, repayments at a steady rate.
 * A push that fails is logged and the schedule goes on, as a real core system would retry on its next round.
 */
export function startSchedule(pusher: PartnerPusher, pushed: PushedCases, options: ScheduleOptions, logger: Logger): { stop(): void } {
  const timers: NodeJS.Timeout[] = [];
  const pushBatch = async () => {
    const first = pushed.take(options.batchSize);
    const { batch, answer } = await pusher.pushCases({ seed: options.seed, first, count: options.batchSize });
    pushed.record(answer, batch.push_batch_no);
    if (answer.status === 200) pushed.add(batch.cases);
    logger.info({ batch: batch.push_batch_no, status: answer.status, ms: Math.round(answer.ms), answer: answer.body?.data }, 'cases pushed');
  };
  const guarded = (run: () => Promise<void>) => () => void run().catch((err: unknown) => logger.warn({ err }, 'scheduled push failed'));

  if (options.batchMinutes > 0) {
    guarded(pushBatch)();
    timers.push(setInterval(guarded(pushBatch), options.batchMinutes * 60_000));
  }
  if (options.repaymentRate > 0) {
    let n = 0;
    const prefix = `PAY_SCHED${options.seed}_${Date.now().toString(36).toUpperCase()}`;
    const pushRepayment = async () => {
      const codes = pushed.caseCodes();
      if (!codes.length) return;
      const repayment = pusher.repayment(codes[n % codes.length], `${prefix}_${++n}`, 50 * (1 + (n % 10)));
      const answer = await pusher.pushRepayment(repayment);
      pushed.repaid(repayment, answer);
      if (answer.status !== 200) logger.warn({ repaymentId: repayment.repayment_id, status: answer.status, answer: answer.body }, 'repayment refused');
    };
    timers.push(setInterval(guarded(pushRepayment), 1000 / options.repaymentRate));
  }
  return {
    stop: () => timers.forEach((t) => clearInterval(t)),
  };
}
