import { CoreBook, roundMoney, type CoreBalance, type CoreCase, type CoreLoan, type WriteBackKind } from './core-book';
import { answer, ok, type SimulatorReply, type SimulatorRequest, type SimulatorRoute } from './routes';

/**
 * What the tenant's core system serves to the platform, shaped as the partner document shows: § 3 queries,
 * § 4 write-backs (kept in the book against their case) and § 6 statistics. All of them need a valid signature or
 * bearer token (the server checks that before a handler runs).
 */
export function coreApiRoutes(book: CoreBook): SimulatorRoute[] {
  const route = (method: SimulatorRoute['method'], path: string, handler: SimulatorRoute['handler']): SimulatorRoute => ({
    method,
    path,
    handler,
    authenticate: true,
  });
  return [
    route('GET', '/api/customers/:user_id', (req) => ok(book.customer(req.params.user_id))),
    route('GET', '/api/loans/:loan_id', (req) => ok(loanDetail(book, book.loan(req.params.loan_id)))),
    route('GET', '/api/loans/:loan_id/repayments', (req) => ok(loanRepayments(book.loan(req.params.loan_id)))),
    route('POST', '/api/cases/batch-status', (req) => batchStatus(book, req)),
    route('POST', '/api/collection/communications', writeBack(book, 'communications', ['case_code', 'communication_id'], '沟通记录已保存', 'communication_id')),
    route('POST', '/api/collection/ptp', writeBack(book, 'ptps', ['case_code', 'ptp_id'], 'PTP记录已保存', 'ptp_id')),
    route('POST', '/api/collection/results', writeBack(book, 'results', ['case_code', 'collection_result'], '催收结果已保存', 'case_code')),
    route('POST', '/api/collection/case-status', writeBack(book, 'statusChanges', ['case_code', 'new_status'], '案件状态已同步', 'case_code')),
    route('GET', '/api/statistics/case-overview', (req) => statistics(book, req, caseOverview)),
    route('GET', '/api/statistics/by-product', (req) => statistics(book, req, byProduct)),
  ];
}

/** § 4.3's closed set of results. */
export const COLLECTION_RESULTS = [
  'settled',
  'partial_settled',
  'ptp_pending',
  'refused_to_pay',
  'unable_to_contact',
  'dispute',
  'transferred',
] as const;

const MAX_BATCH_CASES = 500;

/** Local time without a zone, as the document's examples write it (2025-11-20T10:00:05). */
const documentTime = (d = new Date()): string => d.toISOString().slice(0, 19);

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** § 3.2 */
function loanDetail(book: CoreBook, loan: CoreLoan): Record<string, unknown> {
  const coreCase = book.caseOfLoanId(loan.loan_id);
  const balance = book.loanBalance(loan, coreCase?.case_status);
  const interest = book.interest(loan);
  const settled = balance.total_outstanding <= 0;
  return {
    loan_id: loan.loan_id,
    user_id: loan.user_id,
    loan_product_code: loan.loan_product_code,
    loan_product_name: loan.loan_product_name,
    loan_amount: loan.loan_amount,
    loan_date: loan.loan_date,
    loan_term: loan.loan_term,
    interest_rate: loan.interest_rate,
    loan_status: settled ? 'settled' : 'overdue',
    repayment_plan: [
      {
        period: 1,
        due_date: loan.due_date,
        principal_amount: loan.loan_amount,
        interest_amount: interest,
        total_amount: roundMoney(loan.loan_amount + interest),
        repaid_amount: balance.total_repaid,
        outstanding_amount: balance.total_outstanding,
        status: settled ? 'paid' : 'overdue',
      },
    ],
    repayment_summary: {
      total_repaid: balance.total_repaid,
      outstanding_principal: balance.outstanding_principal,
      outstanding_interest: balance.outstanding_interest,
      outstanding_penalty: balance.outstanding_penalty,
      total_outstanding: balance.total_outstanding,
    },
    overdue_info: {
      overdue_days: balance.overdue_days,
      overdue_start_date: new Date(Date.parse(loan.due_date) + 86_400_000).toISOString().slice(0, 10),
      penalty_rate: loan.penalty_rate,
      daily_penalty: roundMoney(loan.loan_amount * loan.penalty_rate),
    },
  };
}

/** § 3.3 */
function loanRepayments(loan: CoreLoan): Record<string, unknown> {
  return { loan_id: loan.loan_id, total_repayments: loan.repayments.length, repayments: loan.repayments };
}

/** § 3.4: a settled case says when it was last paid; an open one how long it is overdue. */
function batchStatus(book: CoreBook, req: SimulatorRequest): SimulatorReply {
  const codes = isRecord(req.body) ? req.body.case_codes : undefined;
  if (!Array.isArray(codes) || codes.length === 0 || !codes.every((c) => typeof c === 'string' && c.length > 0)) {
    return answer(400, 'case_codes must be a non-empty array of case codes');
  }
  if (codes.length > MAX_BATCH_CASES) return answer(400, `case_codes holds at most ${MAX_BATCH_CASES} codes`);
  return ok(
    (codes as string[]).map((code) => {
      const coreCase = book.caseByCode(code);
      const b = book.balance(coreCase);
      return {
        case_code: code,
        case_status: coreCase.case_status,
        outstanding_amount: b.total_outstanding,
        ...(coreCase.case_status === 'settled' ? {} : { overdue_days: b.overdue_days }),
        ...(b.last_repayment_date ? { last_repayment_date: b.last_repayment_date } : {}),
      };
    }),
  );
}

/** § 4: required fields checked (400 naming the first missing one), the body kept, `{<idField>, saved_at}` answered. */
function writeBack(book: CoreBook, kind: WriteBackKind, required: string[], message: string, idField: string): SimulatorRoute['handler'] {
  return (req) => {
    if (!isRecord(req.body)) return answer(400, 'the body must be a JSON object');
    const body = req.body;
    const missing = required.find((f) => typeof body[f] !== 'string' || body[f] === '');
    if (missing) return answer(400, `${missing} is required`);
    if (kind === 'results' && !(COLLECTION_RESULTS as readonly unknown[]).includes(body.collection_result)) {
      return answer(400, `collection_result must be one of ${COLLECTION_RESULTS.join(', ')}`);
    }
    book.recordWriteBack(kind, body.case_code as string, body);
    return answer(200, message, { [idField]: body[idField], saved_at: documentTime() });
  };
}

type Statistic = (book: CoreBook, cases: { coreCase: CoreCase; balance: CoreBalance }[], date: string) => Record<string, unknown>;

/** § 6: over the book's open cases; `date` (YYYY-MM-DD) defaults to today. */
function statistics(book: CoreBook, req: SimulatorRequest, statistic: Statistic): SimulatorReply {
  const date = req.query.date ?? book.todayDate();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(date))) return answer(400, 'date must be YYYY-MM-DD');
  const open = book
    .allCases()
    .filter((c) => c.case_status !== 'settled')
    .map((coreCase) => ({ coreCase, balance: book.balance(coreCase) }))
    .filter((c) => c.balance.overdue_days > 0);
  return ok(statistic(book, open, date));
}

const DPD_BUCKETS = [
  { key: 'dpd_1_30', min: 1, max: 30 },
  { key: 'dpd_31_60', min: 31, max: 60 },
  { key: 'dpd_61_90', min: 61, max: 90 },
  { key: 'dpd_91_plus', min: 91, max: Infinity },
] as const;

const sumOutstanding = (cases: { balance: CoreBalance }[]): number =>
  roundMoney(cases.reduce((s, c) => s + c.balance.total_outstanding, 0));

/** § 6.1 */
const caseOverview: Statistic = (_book, cases, date) => ({
  date,
  total_overdue_cases: cases.length,
  total_overdue_amount: sumOutstanding(cases),
  by_dpd: Object.fromEntries(
    DPD_BUCKETS.map((bucket) => {
      const inBucket = cases.filter((c) => c.balance.overdue_days >= bucket.min && c.balance.overdue_days <= bucket.max);
      return [bucket.key, { case_count: inBucket.length, amount: sumOutstanding(inBucket) }];
    }),
  ),
});

/** § 6.2 (the document names it only): the same figures per loan product. */
const byProduct: Statistic = (_book, cases, date) => {
  const products = new Map<string, { name: string; cases: typeof cases }>();
  for (const c of cases) {
    const entry = products.get(c.coreCase.loan.loan_product_code) ?? { name: c.coreCase.loan.loan_product_name, cases: [] };
    entry.cases.push(c);
    products.set(c.coreCase.loan.loan_product_code, entry);
  }
  return {
    date,
    products: [...products.entries()].map(([code, p]) => ({
      loan_product_code: code,
      loan_product_name: p.name,
      overdue_cases: p.cases.length,
      overdue_amount: sumOutstanding(p.cases),
    })),
  };
};
