import { z } from 'zod';
import { simulatedCaseCode } from './overdue-cases';
import type { PushedCases } from './pushed-cases';
import type { PartnerPusher, PushAnswer } from './pushes';
import type { SimulatorReply, SimulatorRoute } from './routes';
import type { ReceivedCall } from './server';

export interface CommandDeps {
  pusher: PartnerPusher;
  pushed: PushedCases;
  /** The seed of the generated cases. */
  seed: number;
  /** Every call the simulator has received, oldest first (the running simulator's `received()`). */
  received: () => ReceivedCall[];
}

const route = z.enum(['repayments', 'repayment-notify']).default('repayments');
const caseCode = z.string().trim().min(1).max(64);
const amount = z.union([z.number().positive(), z.string().regex(/^\d+(\.\d{1,2})?$/)]);

const bodies = {
  cases: z.object({ count: z.number().int().min(1).max(10_000), batch_no: z.string().min(1).max(64).optional() }),
  repayment: z.object({ case_code: caseCode, amount, repayment_id: z.string().min(1).max(64).optional(), route }),
  repayments: z.object({
    rate: z.number().positive().max(1000),
    seconds: z.number().positive().max(3600),
    case_codes: z.array(caseCode).min(1).optional(),
    route,
  }),
  settled: z.object({ case_code: caseCode, settlement_date: z.string().regex(/^\d{4}-\d\d-\d\d$/).optional(), final_repayment_amount: z.number().nonnegative().optional() }),
  recalled: z.object({ case_code: caseCode, recall_reason: z.string().min(1).max(200), recall_notes: z.string().max(500).optional() }),
};

/** The body checked against `schema`, or a 400 naming the first bad field. */
function parsed<S extends z.ZodType>(schema: S, body: unknown): { ok: true; value: z.output<S> } | { ok: false; answer: SimulatorReply } {
  const result = schema.safeParse(body ?? {});
  if (result.success) return { ok: true, value: result.data };
  const issue = result.error.issues[0];
  return { ok: false, answer: { status: 400, body: { error: `${issue.path.join('.') || 'body'}: ${issue.message}` } } };
}

/** A command that cannot run now (409), e.g. repayments before any case was pushed. */
class CommandRefused extends Error {}

/**
 * The platform's calls (§§ 3, 4, 6), not the commands themselves; without the headers that carry its credentials
 * (signature, bearer token), which a listing must not show.
 */
const platformCalls = (calls: ReceivedCall[]) =>
  calls
    .filter((c) => !c.path.startsWith('/_sim/'))
    .map((c) => ({ method: c.method, path: c.path, body: c.path === '/oauth/token' ? '[redacted]' : c.body, tenant_code: c.headers['x-tenant-code'] ?? null, authenticated: c.authenticated, at: c.at.toISOString() }));

/** The platform's answer, passed on with the time it took. */
const relayed = (answer: PushAnswer) => ({ status: answer.status, ms: Math.round(answer.ms * 10) / 10, answer: answer.body });

/**
 * The simulator's command routes: push a batch of generated cases, one repayment or a stream of them, a settled or
 * recalled case; list what it pushed and what the platform called on it.
 */
export function simulatorCommands({ pusher, pushed, seed, received }: CommandDeps): SimulatorRoute[] {
  const command = <S extends z.ZodType>(path: string, schema: S, run: (body: z.output<S>) => Promise<unknown>): SimulatorRoute => ({
    method: 'POST',
    path,
    async handler({ body }) {
      const input = parsed(schema, body);
      if (!input.ok) return input.answer;
      try {
        return { status: 200, body: await run(input.value) };
      } catch (error) {
        if (error instanceof CommandRefused) return { status: 409, body: { error: error.message } };
        throw error;
      }
    },
  });
  let repaymentNo = 0;
  const repaymentId = () => `PAY_SIM${seed}_${Date.now().toString(36).toUpperCase()}_${++repaymentNo}`;

  return [
    command('/_sim/push/cases', bodies.cases, async ({ count, batch_no }) => {
      const first = pushed.take(count);
      const { batch, answer } = await pusher.pushCases({ seed, first, count, batchNo: batch_no });
      pushed.record(answer, batch.push_batch_no);
      if (answer.status === 200) pushed.add(batch.cases);
      return { push_batch_no: batch.push_batch_no, case_codes: [simulatedCaseCode(seed, first), simulatedCaseCode(seed, first + count - 1)], ...relayed(answer) };
    }),
    command('/_sim/push/repayment', bodies.repayment, async (input) => {
      const repayment = pusher.repayment(input.case_code, input.repayment_id ?? repaymentId(), input.amount);
      const answer = await pusher.pushRepayment(repayment, input.route);
      pushed.repaid(repayment, answer);
      return { repayment_id: repayment.repayment_id, ...relayed(answer) };
    }),
    command('/_sim/push/repayments', bodies.repayments, async (input) => {
      const caseCodes = input.case_codes ?? pushed.caseCodes();
      if (!caseCodes.length) throw new CommandRefused('no cases pushed yet: push cases first or name case_codes');
      const report = await pusher.streamRepayments({ rate: input.rate, seconds: input.seconds, caseCodes, route: input.route, seed });
      for (const p of report.pushes) pushed.repaid(p.repayment, p.answer);
      return {
        sent: report.sent,
        applied: report.applied,
        refused: report.refused,
        answer_ms: { p50: report.p50, p99: report.p99, max: report.max },
        pushes: report.pushes.map((p) => ({
          repayment_id: p.repayment.repayment_id,
          case_code: p.repayment.case_code,
          status: p.answer.status,
          ms: Math.round(p.answer.ms * 10) / 10,
          outstanding_amount: p.answer.body?.data?.outstanding_amount,
        })),
      };
    }),
    command('/_sim/push/case-settled', bodies.settled, async (input) => {
      const answer = await pusher.settleCase(input.case_code, { settlementDate: input.settlement_date, finalRepaymentAmount: input.final_repayment_amount });
      pushed.record(answer, input.case_code);
      return relayed(answer);
    }),
    command('/_sim/push/case-recalled', bodies.recalled, async (input) => {
      const answer = await pusher.recallCase(input.case_code, input.recall_reason, input.recall_notes);
      pushed.record(answer, input.case_code);
      return relayed(answer);
    }),
    { method: 'GET', path: '/_sim/pushes', handler: () => ({ status: 200, body: { cases: pushed.caseCodes().length, pushes: pushed.pushes() } }) },
    { method: 'GET', path: '/_sim/received', handler: () => ({ status: 200, body: platformCalls(received()) }) },
  ];
}
