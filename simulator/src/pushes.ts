import { DemoRandom, isoLocal, partnerHeaders, type PartnerSigningKey } from '@platform/kit';
import { overdueCaseBatch, repaymentChannels, type CaseBatchOptions, type OverdueCaseBatch } from './overdue-cases';

/** What the platform answered one push, and how long that took. */
export interface PushAnswer<T = unknown> {
  path: string;
  status: number;
  /** The CCO envelope (`{code, message, data}`), or whatever else came back. */
  body: { code?: number; message?: string; data?: T } | null;
  /** Milliseconds from sending to the whole answer read. */
  ms: number;
  /** `Date.now()` when the answer was read. */
  answeredAt: number;
}

/** § 2.3 (`/webhook/repayments`). */
export interface RepaymentPush {
  repayment_id: string;
  case_code: string;
  user_id?: string;
  repayment_amount: number | string;
  repayment_date: string;
  repayment_channel?: string;
  transaction_no?: string;
  notes?: string;
}

/** The platform's answer to a repayment (its route's documented body). */
export interface RepaymentAnswer {
  repayment_id: string;
  case_code: string;
  repayment_amount: number;
  applied: boolean;
  case_status: string;
  repaid_amount: number;
  outstanding_amount: number;
  received_time: string;
}

export interface ImportAnswer {
  push_batch_no: string;
  received_time: string;
  total: number;
  success: number;
  failed: number;
  errors: Array<{ case_code: string | null; error: string }>;
}

/** `repayments` is § 2.3's record push, `repayment-notify` § 5.1's success notice; the platform applies either once. */
export type RepaymentRoute = 'repayments' | 'repayment-notify';

export interface RepaymentStreamOptions {
  /** Pushes a second. */
  rate: number;
  seconds: number;
  /** The cases repaid, taken in turn. */
  caseCodes: readonly string[];
  /** Prefix of the repayment ids (default: a tag of this run), so a second stream never repeats the first's ids. */
  idPrefix?: string;
  /** Amounts are drawn from this seed (₱50–₱500 in steps of 50). */
  seed?: number;
  route?: RepaymentRoute;
  /** Called with each answer as it comes. */
  onAnswer?: (answer: StreamedRepayment) => void;
}

export interface StreamedRepayment {
  repayment: RepaymentPush;
  answer: PushAnswer<RepaymentAnswer>;
  /** `Date.now()` when it was sent. */
  sentAt: number;
}

export interface StreamReport {
  sent: number;
  /** Answered 200. */
  applied: number;
  /** Any other answer (status → count), or `network` when none came. */
  refused: Record<string, number>;
  /** Answer times in ms. */
  p50: number;
  p99: number;
  max: number;
  pushes: StreamedRepayment[];
}

export interface PartnerPusherOptions {
  /** The platform's REST adapter, e.g. http://127.0.0.1:8000 (pushes go to `/api/v1/webhook/...`). */
  baseUrl: string;
  /** The tenant's API key and secret, and its tenant code. */
  key: PartnerSigningKey & { tenantCode: string };
  /** The tenant's zone: the document's times carry none. Default Asia/Manila. */
  timeZone?: string;
  timeoutMs?: number;
}

/**
 * The tenant core system's side of partner §§ 2 and 5: each push is the body's exact text, signed with the key
 * (`partnerHeaders`) and POSTed to the platform; the answer comes back with its status and time.
 */
export class PartnerPusher {
  readonly timeZone: string;

  constructor(private readonly options: PartnerPusherOptions) {
    this.timeZone = options.timeZone ?? 'Asia/Manila';
  }

  /** Signs and POSTs `body` to `/api/v1/webhook/<path>`. */
  async push<T>(path: string, body: unknown): Promise<PushAnswer<T>> {
    const raw = JSON.stringify(body);
    const url = `${this.options.baseUrl.replace(/\/$/, '')}/api/v1/webhook/${path}`;
    const started = performance.now();
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...partnerHeaders(this.options.key, raw) },
      body: raw,
      signal: AbortSignal.timeout(this.options.timeoutMs ?? 30_000),
    });
    const text = await res.text();
    return { path, status: res.status, body: parseJson<T>(text), ms: performance.now() - started, answeredAt: Date.now() };
  }

  /** § 2.1: `count` generated overdue cases in one batch. */
  async pushCases(options: Omit<CaseBatchOptions, 'timeZone'>): Promise<{ batch: OverdueCaseBatch; answer: PushAnswer<ImportAnswer> }> {
    const batch = overdueCaseBatch({ ...options, timeZone: this.timeZone });
    return { batch, answer: await this.push<ImportAnswer>('cases/import', batch) };
  }

  /** § 2.3 by default, or § 5.1's notice of the same repayment. */
  pushRepayment(repayment: RepaymentPush, route: RepaymentRoute = 'repayments'): Promise<PushAnswer<RepaymentAnswer>> {
    if (route === 'repayments') return this.push('repayments', repayment);
    return this.push('repayment-notify', {
      notify_type: 'repayment_success',
      notify_time: this.now(),
      case_code: repayment.case_code,
      user_id: repayment.user_id,
      repayment_id: repayment.repayment_id,
      repayment_amount: repayment.repayment_amount,
      transaction_time: repayment.repayment_date,
      repayment_channel: repayment.repayment_channel,
    });
  }

  /** A repayment made now on `caseCode`. */
  repayment(caseCode: string, repaymentId: string, amount: number | string, channel = 'bank_transfer'): RepaymentPush {
    return {
      repayment_id: repaymentId,
      case_code: caseCode,
      repayment_amount: amount,
      repayment_date: this.now(),
      repayment_channel: channel,
      transaction_no: `TXN${repaymentId.replace(/[^A-Za-z0-9]/g, '')}`,
    };
  }

  /**
   * Repayments at `rate` a second for `seconds`, over `caseCodes` in turn. Each is sent on its own schedule whatever
   * the earlier ones' answers (an open loop: a slow platform shows as longer answer times, not a lower rate).
   */
  async streamRepayments(options: RepaymentStreamOptions): Promise<StreamReport> {
    if (!options.caseCodes.length) throw new Error('streamRepayments needs at least one case code');
    const total = Math.max(0, Math.round(options.rate * options.seconds));
    const random = new DemoRandom(options.seed ?? 1);
    const prefix = options.idPrefix ?? `PAY_SIM_${Date.now().toString(36).toUpperCase()}`;
    const start = performance.now();
    const pushes = await Promise.all(
      Array.from({ length: total }, async (_, i): Promise<StreamedRepayment> => {
        const amount = random.int(1, 10) * 50;
        const channel = random.pick(repaymentChannels);
        await delayUntil(start + (i * 1000) / options.rate);
        const repayment = this.repayment(options.caseCodes[i % options.caseCodes.length], `${prefix}_${i + 1}`, amount, channel);
        const sentAt = Date.now();
        const answer = await this.pushRepayment(repayment, options.route).catch((error: Error) => failedPush<RepaymentAnswer>(options.route ?? 'repayments', error));
        const streamed = { repayment, answer, sentAt };
        options.onAnswer?.(streamed);
        return streamed;
      }),
    );
    return streamReport(pushes);
  }

  /** § 5.2: the case is settled (default today, in the tenant's zone). */
  settleCase(caseCode: string, options: { settlementDate?: string; finalRepaymentAmount?: number; userId?: string } = {}): Promise<PushAnswer> {
    return this.push('case-settled', {
      notify_type: 'case_settled',
      notify_time: this.now(),
      case_code: caseCode,
      user_id: options.userId,
      settlement_date: options.settlementDate ?? this.now().slice(0, 10),
      final_repayment_amount: options.finalRepaymentAmount,
    });
  }

  /** § 5.3: the tenant takes the case back. */
  recallCase(caseCode: string, reason: string, notes?: string): Promise<PushAnswer> {
    return this.push('case-recall', { notify_type: 'case_recall', notify_time: this.now(), case_code: caseCode, recall_reason: reason, recall_notes: notes });
  }

  /** § 2.2: the case's status as the core system now has it. */
  updateCaseStatus(body: { case_code: string; case_status: string; repaid_amount?: number; outstanding_amount?: number; settlement_date?: string; notes?: string }): Promise<PushAnswer> {
    return this.push('cases/status-update', { update_time: this.now(), ...body });
  }

  /** Now in the tenant's zone, as the document writes times (`2025-11-20T15:00:00`). */
  now(): string {
    return isoLocal(new Date(), this.timeZone);
  }
}

function parseJson<T>(text: string): PushAnswer<T>['body'] {
  try {
    return JSON.parse(text) as PushAnswer<T>['body'];
  } catch {
    return null;
  }
}

/** A push that got no answer at all (refused connection, timeout): status 0. */
function failedPush<T>(path: string, error: Error): PushAnswer<T> {
  return { path, status: 0, body: { message: error.message }, ms: NaN, answeredAt: Date.now() };
}

function delayUntil(at: number): Promise<void> {
  const wait = at - performance.now();
  return wait > 0 ? new Promise((resolve) => setTimeout(resolve, wait)) : Promise.resolve();
}

export function streamReport(pushes: StreamedRepayment[]): StreamReport {
  const refused: Record<string, number> = {};
  for (const { answer } of pushes) {
    if (answer.status === 200) continue;
    const key = answer.status ? String(answer.status) : 'network';
    refused[key] = (refused[key] ?? 0) + 1;
  }
  const times = pushes.map((p) => p.answer.ms).filter((ms) => Number.isFinite(ms)).sort((a, b) => a - b);
  return {
    sent: pushes.length,
    applied: pushes.filter((p) => p.answer.status === 200).length,
    refused,
    p50: percentile(times, 0.5),
    p99: percentile(times, 0.99),
    max: times.at(-1) ?? NaN,
    pushes,
  };
}

/** The value at fraction `p` of sorted `values` (nearest rank); NaN for none. */
export function percentile(values: readonly number[], p: number): number {
  if (!values.length) return NaN;
  return values[Math.min(values.length - 1, Math.max(0, Math.ceil(p * values.length) - 1))];
}
