import type { CoreBook } from './core-book';
import type { OverdueCase } from './overdue-cases';
import type { PushAnswer, RepaymentAnswer, RepaymentPush } from './pushes';

/** One push as the command routes show it afterwards. */
export interface PushRecord {
  path: string;
  status: number;
  ms: number;
  answeredAt: string;
  /** The case or batch it was about. */
  subject: string;
}

const LOG_SIZE = 1000;

/**
 * What this simulator has pushed: the overdue cases the platform accepted (repayments choose among them) and the
 * last pushes with their answers. Case numbers continue from batch to batch, so a case is never pushed twice. Once
 * given the core system's book, what the platform accepted goes into it too, so §§ 3/6 answer what was pushed.
 */
export class PushedCases {
  private readonly codes: string[] = [];
  private readonly log: PushRecord[] = [];
  private next = 1;

  private book?: CoreBook;

  /** Keep what the platform accepts in `book` from now on. */
  keepIn(book: CoreBook): void {
    this.book = book;
  }

  /** The index of the next batch's first case; `take(count)` reserves them. */
  take(count: number): number {
    const first = this.next;
    this.next += count;
    return first;
  }

  /** Cases the platform accepted. */
  add(cases: readonly OverdueCase[]): void {
    for (const c of cases) {
      this.codes.push(c.case_code);
      this.book?.putCase({
        case_code: c.case_code,
        user_id: c.user_id,
        user_name: c.user_name,
        mobile: c.mobile,
        loan_id: c.loan_id,
        loan_amount: c.loan_amount,
        loan_date: c.loan_date,
        due_date: c.due_date,
        loan_term: c.loan_term,
        interest_rate: c.interest_rate,
        loan_product_name: c.loan_product_name,
        case_status: c.case_status,
      });
      for (const r of c.repayment_history) this.book?.addRepayment(c.case_code, r);
    }
  }

  /** A repayment pushed: logged, and in the book once the platform applied it. */
  repaid(repayment: RepaymentPush, answer: PushAnswer<RepaymentAnswer>): void {
    this.record(answer, repayment.case_code);
    if (answer.status !== 200 || !answer.body?.data?.applied) return;
    this.book?.addRepayment(repayment.case_code, {
      repayment_id: repayment.repayment_id,
      repayment_amount: Number(repayment.repayment_amount),
      repayment_date: repayment.repayment_date.slice(0, 10),
      repayment_channel: repayment.repayment_channel,
      transaction_no: repayment.transaction_no,
    });
  }

  caseCodes(): readonly string[] {
    return this.codes;
  }

  record(answer: PushAnswer, subject: string): void {
    this.log.push({ path: answer.path, status: answer.status, ms: Math.round(answer.ms * 10) / 10, answeredAt: new Date(answer.answeredAt).toISOString(), subject });
    if (this.log.length > LOG_SIZE) this.log.splice(0, this.log.length - LOG_SIZE);
  }

  /** The last pushes, newest last. */
  pushes(): readonly PushRecord[] {
    return this.log;
  }
}
