import type { PushAnswer } from './pushes';

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
 * last pushes with their answers. Case numbers continue from batch to batch, so a case is never pushed twice.
 */
export class PushedCases {
  private readonly codes: string[] = [];
  private readonly log: PushRecord[] = [];
  private next = 1;

  /** The index of the next batch's first case; `take(count)` reserves them. */
  take(count: number): number {
    const first = this.next;
    this.next += count;
    return first;
  }

  add(caseCodes: readonly string[]): void {
    this.codes.push(...caseCodes);
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
