import { badInput, Decimal } from '@platform/kit';

export interface RepaymentTerms {
  principal: Decimal;
  interestRate: Decimal;
  days: number;
  penaltyRate: Decimal;
}

export interface RepaymentQuote {
  principal: Decimal;
  interest: Decimal;
  penalty: Decimal;
  totalAmount: Decimal;
}

const cents = (value: Decimal) => value.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);

/**
 * decisions.md § CCO: interest = principal × interest_rate; penalty = principal × penalty_rate × days, capped at
 * principal × the tenant's penalty_cap_rate; total = principal + interest + penalty. Exact decimals; each amount is
 * rounded to cents (half up) and the total is the sum of the rounded amounts, so the figures add up on screen.
 */
export function quoteRepayment(terms: RepaymentTerms, penaltyCapRate: number): RepaymentQuote {
  if (terms.principal.lte(0)) throw badInput('principal', 'principal must be greater than 0');
  if (terms.interestRate.lt(0)) throw badInput('interestRate', 'interestRate must not be negative');
  if (terms.penaltyRate.lt(0)) throw badInput('penaltyRate', 'penaltyRate must not be negative');
  const principal = cents(terms.principal);
  const interest = cents(principal.mul(terms.interestRate));
  const cap = principal.mul(new Decimal(penaltyCapRate));
  const penalty = cents(Decimal.min(principal.mul(terms.penaltyRate).mul(terms.days), cap));
  return { principal, interest, penalty, totalAmount: principal.plus(interest).plus(penalty) };
}
