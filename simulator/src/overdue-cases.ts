import { DemoRandom, isoLocal, personName } from '@platform/kit';

/** One case as § 2.1 pushes it, in the document's field names. */
export interface OverdueCase {
  case_code: string;
  user_id: string;
  user_name: string;
  mobile: string;
  id_number: string;
  email: string;
  address: string;
  gender: 'M' | 'F';
  date_of_birth: string;
  loan_id: string;
  loan_product_name: string;
  loan_amount: number;
  loan_date: string;
  due_date: string;
  loan_term: number;
  interest_rate: number;
  repaid_amount: number;
  outstanding_principal: number;
  outstanding_interest: number;
  outstanding_penalty: number;
  outstanding_amount: number;
  overdue_days: number;
  overdue_amount: number;
  case_status: 'pending_repayment' | 'partial_repayment';
  case_priority: 'low' | 'normal' | 'high';
  case_tags: string[];
  contact_phones: Array<{ phone_number: string; phone_type: string; contact_name: string; relationship?: string; is_primary: boolean }>;
  repayment_history: Array<{ repayment_id: string; repayment_date: string; repayment_amount: number; repayment_channel: string }>;
  custom_fields: Record<string, string | number>;
}

/** § 2.1's body. */
export interface OverdueCaseBatch {
  push_time: string;
  push_batch_no: string;
  cases: OverdueCase[];
}

export interface CaseBatchOptions {
  /** The same seed and index give the same case (its code, debtor, loan, amounts), whatever batch carries it. */
  seed: number;
  /** Index of the batch's first case; cases are numbered from 1. */
  first?: number;
  count: number;
  /** Default `BATCH_<yyyymmdd>_<seed>_<first>`. */
  batchNo?: string;
  /** The tenant's zone, for the document's zone-less times. */
  timeZone?: string;
  now?: Date;
}

const DAY = 86_400_000;
/** Globe and Smart mobile prefixes: numbers libphonenumber accepts as Philippine mobiles. */
const PREFIXES = ['905', '915', '917', '918', '919', '920', '927', '935', '945', '956', '966', '977', '995', '998'];
const CITIES = ['Quezon City', 'Manila', 'Makati', 'Pasig', 'Taguig', 'Cebu City', 'Davao City', 'Caloocan', 'Antipolo', 'Iloilo City'];
const STREETS = ['Rizal St.', 'Mabini St.', 'Bonifacio Ave.', 'Quezon Blvd.', 'Aguinaldo Hwy.', 'Luna St.', 'Del Pilar St.'];
const PRODUCTS = ['Cash Loan', 'Salary Loan', 'Gadget Loan', '快速贷'];
const EMPLOYERS = ['Jollibee Foods', 'SM Supermalls', 'Ayala Land', 'BDO Unibank', 'Concentrix', 'Grab Philippines', 'self-employed'];
const CHANNELS = ['bank_transfer', 'ewallet', 'gcash', 'over_the_counter'];
const RELATIONS = ['配偶', '亲属', '朋友', '同事'];

/** A Philippine mobile as the partner document writes it: `+63-917-111-1111`. */
export const partnerMobile = (random: DemoRandom): string =>
  `+63-${random.pick(PREFIXES)}-${String(random.int(0, 999)).padStart(3, '0')}-${String(random.int(0, 9999)).padStart(4, '0')}`;

/** The case code of the `index`th case of a seed. */
export const simulatedCaseCode = (seed: number, index: number): string => `SIM${seed}_${String(index).padStart(7, '0')}`;

const money = (cents: number) => Math.round(cents) / 100;
const day = (at: Date) => at.toISOString().slice(0, 10);

/** The `index`th overdue case of `seed`: a debtor, a loan and what is owed on it, all from one PRNG of its own. */
export function overdueCase(seed: number, index: number, now = new Date()): OverdueCase {
  const random = new DemoRandom(seed * 1_000_003 + index);
  const code = simulatedCaseCode(seed, index);
  const userName = personName(random);
  const mobile = partnerMobile(random);
  const loanCents = random.int(30, 500) * 10_000; // ₱3,000–₱50,000 in hundreds
  const rate = random.pick([0.1, 0.12, 0.15, 0.2]);
  const overdueDays = random.int(1, 120);
  const term = random.pick([7, 14, 30, 60]);
  const dueDate = new Date(now.getTime() - overdueDays * DAY);
  const loanDate = new Date(dueDate.getTime() - term * DAY);
  const repaidCents = random.chance(0.3) ? random.int(1, 4) * Math.floor(loanCents / 10 / 100) * 100 : 0;
  const principal = loanCents - repaidCents;
  const interest = Math.round((loanCents * rate) / 100) * 100;
  const penalty = Math.min(Math.round(loanCents * 0.001 * overdueDays), Math.round(loanCents * 0.15));
  const outstanding = principal + interest + penalty;
  const tags = [...(overdueDays <= 7 ? ['首逾'] : []), ...(loanCents < 1_000_000 ? ['小额'] : [])];
  return {
    case_code: code,
    user_id: `USER_${seed}_${index}`,
    user_name: userName,
    mobile,
    id_number: `PH${String(random.int(100_000_000, 999_999_999))}`,
    email: `${userName.toLowerCase().replace(/[^a-z]+/g, '.')}${index}@example.com`,
    address: `${random.int(1, 999)} ${random.pick(STREETS)}, ${random.pick(CITIES)}`,
    gender: random.chance(0.5) ? 'M' : 'F',
    date_of_birth: `${random.int(1965, 2003)}-${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`,
    loan_id: `LOAN_${seed}_${index}`,
    loan_product_name: random.pick(PRODUCTS),
    loan_amount: money(loanCents),
    loan_date: day(loanDate),
    due_date: day(dueDate),
    loan_term: term,
    interest_rate: rate,
    repaid_amount: money(repaidCents),
    outstanding_principal: money(principal),
    outstanding_interest: money(interest),
    outstanding_penalty: money(penalty),
    outstanding_amount: money(outstanding),
    overdue_days: overdueDays,
    overdue_amount: money(outstanding),
    case_status: repaidCents ? 'partial_repayment' : 'pending_repayment',
    case_priority: overdueDays > 60 ? 'high' : loanCents >= 3_000_000 ? 'normal' : random.pick(['low', 'normal'] as const),
    case_tags: tags,
    contact_phones: [
      { phone_number: mobile, phone_type: 'mobile', contact_name: '本人', is_primary: true },
      { phone_number: partnerMobile(random), phone_type: 'mobile', contact_name: personName(random), relationship: random.pick(RELATIONS), is_primary: false },
    ],
    repayment_history: repaidCents
      ? [{ repayment_id: `PAY_${code}_0`, repayment_date: day(new Date(dueDate.getTime() - DAY)), repayment_amount: money(repaidCents), repayment_channel: random.pick(CHANNELS) }]
      : [],
    custom_fields: { employer: random.pick(EMPLOYERS), monthly_income: random.int(12, 80) * 1000, credit_score: random.int(450, 800) },
  };
}

/** `count` cases from `first` (default 1) as one § 2.1 push. */
export function overdueCaseBatch(options: CaseBatchOptions): OverdueCaseBatch {
  const now = options.now ?? new Date();
  const first = options.first ?? 1;
  return {
    push_time: isoLocal(now, options.timeZone ?? 'Asia/Manila'),
    push_batch_no: options.batchNo ?? `BATCH_${day(now).replaceAll('-', '')}_${options.seed}_${first}`,
    cases: Array.from({ length: options.count }, (_, i) => overdueCase(options.seed, first + i, now)),
  };
}

export const repaymentChannels = CHANNELS;
