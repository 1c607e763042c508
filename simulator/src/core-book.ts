import { createHash } from 'node:crypto';

/**
 * The simulated core system's own books: its cases (by case_code) with the customer, the loan and its repayments,
 * in the partner document's field names. A case, customer or loan it has never seen is generated from its id,
 * deterministically (the same id gives the same data on the same day), so the platform can ask about anything.
 */

export interface CoreCustomer {
  user_id: string;
  user_name: string;
  mobile: string;
  email: string;
  id_type: string;
  id_number: string;
  gender: 'M' | 'F';
  date_of_birth: string;
  nationality: string;
  address: string;
  postal_code: string;
  kyc_info: { kyc_status: string; kyc_level: string; verified_date: string };
  employment_info: { employer: string; position: string; monthly_income: number; employment_status: string };
  emergency_contacts: { contact_name: string; relationship: string; mobile: string }[];
  bank_accounts: { bank_name: string; account_no: string; account_name: string; is_primary: boolean }[];
}

export interface CoreRepayment {
  repayment_id: string;
  repayment_date: string;
  repayment_amount: number;
  principal_amount: number;
  interest_amount: number;
  repayment_channel: string;
  transaction_no: string;
}

export interface CoreLoan {
  loan_id: string;
  user_id: string;
  loan_product_code: string;
  loan_product_name: string;
  loan_amount: number;
  loan_date: string;
  due_date: string;
  loan_term: number;
  interest_rate: number;
  penalty_rate: number;
  /** Penalty accrued so far (the core's own figure; it stops growing once the case is settled). */
  penalty_amount: number;
  repayments: CoreRepayment[];
}

export type CoreCaseStatus = 'pending_repayment' | 'partial_repayment' | 'settled';

export interface CoreCase {
  case_code: string;
  case_status: CoreCaseStatus;
  case_priority: string;
  case_tags: string[];
  customer: CoreCustomer;
  loan: CoreLoan;
}

/** What the platform wrote back (§ 4) about one case, as the core system keeps it. */
export interface CoreWriteBacks {
  communications: Record<string, unknown>[];
  ptps: Record<string, unknown>[];
  results: Record<string, unknown>[];
  statusChanges: Record<string, unknown>[];
}

export type WriteBackKind = keyof CoreWriteBacks;

/** A case's money as the core system computes it (principal first, then interest, then penalty). */
export interface CoreBalance {
  total_repaid: number;
  outstanding_principal: number;
  outstanding_interest: number;
  outstanding_penalty: number;
  total_outstanding: number;
  overdue_days: number;
  last_repayment_date: string | null;
}

export interface CoreCaseInput {
  case_code: string;
  user_id?: string;
  user_name?: string;
  mobile?: string;
  loan_id?: string;
  loan_amount?: number;
  loan_date?: string;
  due_date?: string;
  loan_term?: number;
  interest_rate?: number;
  loan_product_code?: string;
  loan_product_name?: string;
  case_status?: CoreCaseStatus;
}

export interface CoreRepaymentInput {
  repayment_id?: string;
  repayment_amount: number;
  repayment_date?: string;
  repayment_channel?: string;
  transaction_no?: string;
}

const DAY_MS = 86_400_000;
const PRODUCTS = [
  { code: 'QUICK_LOAN', name: '快速贷' },
  { code: 'SALARY_LOAN', name: '工薪贷' },
  { code: 'GADGET_LOAN', name: '分期购' },
] as const;
const GIVEN_NAMES = ['Juan', 'Maria', 'Jose', 'Ana', 'Mark', 'Grace', 'Paolo', 'Liza', 'Ramon', 'Joy'];
const FAMILY_NAMES = ['Santos', 'Reyes', 'Cruz', 'Bautista', 'Garcia', 'Mendoza', 'Torres', 'Flores'];
const CITIES = ['Makati City', 'Quezon City', 'Pasig City', 'Taguig City', 'Cebu City', 'Davao City'];

export const roundMoney = (n: number): number => Math.round(n * 100) / 100;
export const isoDate = (d: Date): string => d.toISOString().slice(0, 10);
const addDays = (date: string, days: number): string => isoDate(new Date(Date.parse(date) + days * DAY_MS));
const daysBetween = (from: string, to: string): number => Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS);

/** Numbers drawn from a hash of the id: the same id always draws the same sequence. */
class Draw {
  private counter = 0;
  constructor(private readonly seed: string) {}
  int(min: number, max: number): number {
    const digest = createHash('sha256').update(`${this.seed}#${this.counter++}`).digest();
    return min + (digest.readUInt32BE(0) % (max - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(0, items.length - 1)];
  }
  digits(n: number): string {
    let s = '';
    while (s.length < n) s += String(this.int(0, 9));
    return s;
  }
}

export class CoreBook {
  private readonly cases = new Map<string, CoreCase>();
  private readonly caseOfLoan = new Map<string, string>();
  private readonly caseOfUser = new Map<string, string>();
  private readonly writeBacksByCase = new Map<string, CoreWriteBacks>();

  /** `today` fixes the calendar (overdue days, generated dates); tests pass a fixed one. */
  constructor(private readonly today: () => Date = () => new Date()) {}

  /** The case with this code: the one put in the book, or one generated from the code (then kept). */
  caseByCode(caseCode: string): CoreCase {
    return this.cases.get(caseCode) ?? this.keep(this.generateCase(caseCode));
  }

  /** The cases the book holds (put or generated so far), in insertion order. */
  allCases(): CoreCase[] {
    return [...this.cases.values()];
  }

  /** Puts (or replaces) a case; fields not given are generated from the case code. */
  putCase(input: CoreCaseInput): CoreCase {
    const generated = this.generateCase(input.case_code, input.user_id, input.loan_id);
    const loan: CoreLoan = {
      ...generated.loan,
      ...(input.loan_amount !== undefined ? { loan_amount: roundMoney(input.loan_amount) } : {}),
      ...(input.loan_date ? { loan_date: input.loan_date } : {}),
      ...(input.due_date ? { due_date: input.due_date } : {}),
      ...(input.loan_term !== undefined ? { loan_term: input.loan_term } : {}),
      ...(input.interest_rate !== undefined ? { interest_rate: input.interest_rate } : {}),
      ...(input.loan_product_code ? { loan_product_code: input.loan_product_code } : {}),
      ...(input.loan_product_name ? { loan_product_name: input.loan_product_name } : {}),
      repayments: [],
    };
    loan.penalty_amount = this.accruedPenalty(loan);
    const customer: CoreCustomer = {
      ...generated.customer,
      ...(input.user_name ? { user_name: input.user_name } : {}),
      ...(input.mobile ? { mobile: input.mobile } : {}),
    };
    const kept = this.keep({ ...generated, customer, loan, case_status: input.case_status ?? 'pending_repayment' });
    return kept;
  }

  /** Records a repayment on a case's loan and moves its status (partial, or settled when nothing is left). */
  addRepayment(caseCode: string, input: CoreRepaymentInput): CoreRepayment {
    const coreCase = this.caseByCode(caseCode);
    const before = this.balance(coreCase);
    const amount = roundMoney(input.repayment_amount);
    const principal = roundMoney(Math.min(amount, before.outstanding_principal));
    const repayment: CoreRepayment = {
      repayment_id: input.repayment_id ?? `PAY_${caseCode}_${coreCase.loan.repayments.length + 1}`,
      repayment_date: input.repayment_date ?? isoDate(this.today()),
      repayment_amount: amount,
      principal_amount: principal,
      interest_amount: roundMoney(Math.min(amount - principal, before.outstanding_interest)),
      repayment_channel: input.repayment_channel ?? 'bank_transfer',
      transaction_no: input.transaction_no ?? `TXN${coreCase.loan.repayments.length + 1}${caseCode.length}`,
    };
    coreCase.loan.repayments.push(repayment);
    coreCase.case_status = this.balance(coreCase).total_outstanding <= 0 ? 'settled' : 'partial_repayment';
    return repayment;
  }

  /** The § 2.1 import record of a case (what the core system pushes to the platform). */
  importRecord(caseCode: string): Record<string, unknown> {
    const c = this.caseByCode(caseCode);
    const b = this.balance(c);
    return {
      case_code: c.case_code,
      user_id: c.customer.user_id,
      user_name: c.customer.user_name,
      mobile: c.customer.mobile,
      id_number: c.customer.id_number,
      email: c.customer.email,
      address: c.customer.address,
      gender: c.customer.gender,
      date_of_birth: c.customer.date_of_birth,
      loan_id: c.loan.loan_id,
      loan_product_name: c.loan.loan_product_name,
      loan_amount: c.loan.loan_amount,
      loan_date: c.loan.loan_date,
      due_date: c.loan.due_date,
      loan_term: c.loan.loan_term,
      interest_rate: c.loan.interest_rate,
      repaid_amount: b.total_repaid,
      outstanding_principal: b.outstanding_principal,
      outstanding_interest: b.outstanding_interest,
      outstanding_penalty: b.outstanding_penalty,
      outstanding_amount: b.total_outstanding,
      overdue_days: b.overdue_days,
      overdue_amount: b.total_outstanding,
      case_status: c.case_status,
      case_priority: c.case_priority,
      case_tags: c.case_tags,
      contact_phones: [
        { phone_number: c.customer.mobile, phone_type: 'mobile', contact_name: '本人', is_primary: true },
        ...c.customer.emergency_contacts.map((e) => ({
          phone_number: e.mobile,
          phone_type: 'mobile',
          contact_name: e.contact_name,
          relationship: e.relationship,
          is_primary: false,
        })),
      ],
      repayment_history: c.loan.repayments.map((r) => ({
        repayment_id: r.repayment_id,
        repayment_date: r.repayment_date,
        repayment_amount: r.repayment_amount,
        repayment_channel: r.repayment_channel,
      })),
      custom_fields: {
        employer: c.customer.employment_info.employer,
        monthly_income: c.customer.employment_info.monthly_income,
      },
    };
  }

  /** The customer with this user id: a case's customer, or one generated from the id. */
  customer(userId: string): CoreCustomer {
    const code = this.caseOfUser.get(userId);
    return code ? this.cases.get(code)!.customer : this.generateCustomer(userId);
  }

  /** The loan with this id: a case's loan, or one generated from the id (not kept). */
  loan(loanId: string): CoreLoan {
    const code = this.caseOfLoan.get(loanId);
    return code ? this.cases.get(code)!.loan : this.generateLoan(loanId, `USER_${loanId}`);
  }

  /** The case a loan belongs to, when the book holds it. */
  caseOfLoanId(loanId: string): CoreCase | undefined {
    const code = this.caseOfLoan.get(loanId);
    return code ? this.cases.get(code) : undefined;
  }

  /** A loan's money today; a loan without a case is priced as if it were pending. */
  loanBalance(loan: CoreLoan, status: CoreCaseStatus = 'pending_repayment'): CoreBalance {
    const principalRepaid = loan.repayments.reduce((s, r) => s + r.principal_amount, 0);
    const interestRepaid = loan.repayments.reduce((s, r) => s + r.interest_amount, 0);
    const totalRepaid = roundMoney(loan.repayments.reduce((s, r) => s + r.repayment_amount, 0));
    const penaltyRepaid = totalRepaid - principalRepaid - interestRepaid;
    const settled = status === 'settled';
    const outstandingPrincipal = settled ? 0 : roundMoney(Math.max(0, loan.loan_amount - principalRepaid));
    const outstandingInterest = settled ? 0 : roundMoney(Math.max(0, this.interest(loan) - interestRepaid));
    const outstandingPenalty = settled ? 0 : roundMoney(Math.max(0, loan.penalty_amount - penaltyRepaid));
    const overdue = daysBetween(loan.due_date, isoDate(this.today()));
    const last = loan.repayments.at(-1)?.repayment_date ?? null;
    return {
      total_repaid: totalRepaid,
      outstanding_principal: outstandingPrincipal,
      outstanding_interest: outstandingInterest,
      outstanding_penalty: outstandingPenalty,
      total_outstanding: roundMoney(outstandingPrincipal + outstandingInterest + outstandingPenalty),
      overdue_days: settled ? 0 : Math.max(0, overdue),
      last_repayment_date: last,
    };
  }

  balance(coreCase: CoreCase): CoreBalance {
    return this.loanBalance(coreCase.loan, coreCase.case_status);
  }

  interest(loan: CoreLoan): number {
    return roundMoney(loan.loan_amount * loan.interest_rate);
  }

  /** Keeps one § 4 write-back against its case. */
  recordWriteBack(kind: WriteBackKind, caseCode: string, body: Record<string, unknown>): void {
    const entry = this.writeBacksByCase.get(caseCode) ?? { communications: [], ptps: [], results: [], statusChanges: [] };
    entry[kind].push(body);
    this.writeBacksByCase.set(caseCode, entry);
  }

  /** What the platform wrote back about a case, in arrival order per kind. */
  writeBacks(caseCode: string): CoreWriteBacks {
    return this.writeBacksByCase.get(caseCode) ?? { communications: [], ptps: [], results: [], statusChanges: [] };
  }

  todayDate(): string {
    return isoDate(this.today());
  }

  private keep(coreCase: CoreCase): CoreCase {
    const previous = this.cases.get(coreCase.case_code);
    if (previous) {
      this.caseOfLoan.delete(previous.loan.loan_id);
      this.caseOfUser.delete(previous.customer.user_id);
    }
    this.cases.set(coreCase.case_code, coreCase);
    this.caseOfLoan.set(coreCase.loan.loan_id, coreCase.case_code);
    this.caseOfUser.set(coreCase.customer.user_id, coreCase.case_code);
    return coreCase;
  }

  private generateCase(caseCode: string, userId = `USER_${caseCode}`, loanId = `LOAN_${caseCode}`): CoreCase {
    const draw = new Draw(`case:${caseCode}`);
    const loan = this.generateLoan(loanId, userId);
    const small = loan.loan_amount < 10_000;
    return {
      case_code: caseCode,
      case_status: 'pending_repayment',
      case_priority: draw.pick(['normal', 'normal', 'high']),
      case_tags: small ? ['小额'] : ['大额'],
      customer: this.generateCustomer(userId),
      loan,
    };
  }

  private generateLoan(loanId: string, userId: string): CoreLoan {
    const draw = new Draw(`loan:${loanId}`);
    const product = draw.pick(PRODUCTS);
    const term = draw.pick([7, 14, 30, 60, 90]);
    const overdueDays = draw.int(1, 120);
    const dueDate = addDays(isoDate(this.today()), -overdueDays);
    const loan: CoreLoan = {
      loan_id: loanId,
      user_id: userId,
      loan_product_code: product.code,
      loan_product_name: product.name,
      loan_amount: draw.int(10, 500) * 100,
      loan_date: addDays(dueDate, -term),
      due_date: dueDate,
      loan_term: term,
      interest_rate: draw.pick([0.05, 0.1, 0.15]),
      penalty_rate: 0.001,
      penalty_amount: 0,
      repayments: [],
    };
    loan.penalty_amount = this.accruedPenalty(loan);
    return loan;
  }

  /** principal × penalty_rate × overdue days, capped at 15 % of the principal (the platform's default cap). */
  private accruedPenalty(loan: CoreLoan): number {
    const days = Math.max(0, daysBetween(loan.due_date, isoDate(this.today())));
    return roundMoney(Math.min(loan.loan_amount * loan.penalty_rate * days, loan.loan_amount * 0.15));
  }

  private generateCustomer(userId: string): CoreCustomer {
    const draw = new Draw(`customer:${userId}`);
    const name = `${draw.pick(GIVEN_NAMES)} ${draw.pick(FAMILY_NAMES)}`;
    const mobile = () => `+63-917-${draw.digits(3)}-${draw.digits(4)}`;
    const born = `${draw.int(1965, 2003)}-${String(draw.int(1, 12)).padStart(2, '0')}-${String(draw.int(1, 28)).padStart(2, '0')}`;
    return {
      user_id: userId,
      user_name: name,
      mobile: mobile(),
      email: `${name.toLowerCase().replace(' ', '.')}.${draw.digits(3)}@example.com`,
      id_type: 'national_id',
      id_number: `ID${draw.digits(9)}`,
      gender: draw.pick(['M', 'F'] as const),
      date_of_birth: born,
      nationality: 'PH',
      address: `${draw.int(1, 999)} Rizal Street, ${draw.pick(CITIES)}`,
      postal_code: String(draw.int(1000, 9800)),
      kyc_info: { kyc_status: 'verified', kyc_level: String(draw.int(1, 3)), verified_date: addDays(born, 18 * 366) },
      employment_info: {
        employer: `${draw.pick(FAMILY_NAMES)} Trading Corp.`,
        position: draw.pick(['Clerk', 'Driver', 'Engineer', 'Teacher', 'Sales Associate']),
        monthly_income: draw.int(15, 90) * 1000,
        employment_status: 'employed',
      },
      emergency_contacts: [
        { contact_name: `${draw.pick(GIVEN_NAMES)} ${draw.pick(FAMILY_NAMES)}`, relationship: draw.pick(['配偶', '兄弟', '父母']), mobile: mobile() },
      ],
      bank_accounts: [
        { bank_name: draw.pick(['BDO', 'BPI', 'Metrobank']), account_no: `****${draw.digits(4)}`, account_name: name, is_primary: true },
      ],
    };
  }
}
