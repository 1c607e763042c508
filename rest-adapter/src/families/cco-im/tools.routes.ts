import { z } from 'zod';
import { money2 } from '@platform/kit';
import { graphqlRoute, rateLimit } from '../../framework/route';
import { amount } from './app.shapes';
import { ccoFieldMessages } from '../cco-admin/cco.shapes';
import { ccoIm } from './cco-im.family';
import { ImCalculateRepaymentDocument, ImValidatePhoneDocument, ImWorkingHoursDocument } from './operations.generated';

const common = { family: ccoIm, rateLimit: rateLimit.none, auth: true, errorMessages: ccoFieldMessages } as const;
/** A rate as a fraction (0.15 = 15 %). */
const fraction = z.number().min(0).max(100);

export const ccoImToolRoutes = [
  graphqlRoute({
    ...common,
    method: 'POST',
    path: '/api/v1/im/tools/calculate-repayment',
    summary: '还款计算器',
    description:
      'decisions.md § CCO: interest = principal × interest_rate; penalty = principal × penalty_rate × days, capped at ' +
      'principal × the tenant’s penalty_cap_rate (default 0.15); total_amount = principal + interest + penalty. Exact ' +
      'decimals, each amount rounded half up to cents. principal > 0 (at most 2 decimals); rates are fractions ' +
      '(0.15 = 15 %), 0–100; days 0–3650. Nothing is stored.',
    body: z.object({
      principal: z.number().positive().max(1e12),
      interest_rate: fraction,
      days: z.number().int().min(0).max(3650),
      penalty_rate: fraction,
    }),
    response: z.object({ principal: amount, interest: amount, penalty: amount, total_amount: amount }),
    fieldAliases: { interestRate: 'interest_rate', penaltyRate: 'penalty_rate' },
    operation: ImCalculateRepaymentDocument,
    variables: ({ body }) => ({
      input: { principal: String(body.principal), interestRate: String(body.interest_rate), days: body.days, penaltyRate: String(body.penalty_rate) },
    }),
    map: ({ calculateRepayment: q }) => ({
      principal: money2(q.principal),
      interest: money2(q.interest),
      penalty: money2(q.penalty),
      total_amount: money2(q.totalAmount),
    }),
  }),
  graphqlRoute({
    ...common,
    method: 'GET',
    path: '/api/v1/im/tools/working-hours',
    summary: '获取工作时间配置',
    description:
      'The signed-in collector’s agency: timezone = its UTC offset in hours; working_days = its working days (Monday = 1 … ' +
      'Sunday = 7; unconfigured days as the default, Monday–Friday 09:00–18:00); current_time = the agency’s local time ' +
      'now; is_working_time = now is a working day between start_time (included) and end_time. An account that is not ' +
      'for the app is 403.',
    response: z.object({
      timezone: z.number().int(),
      working_days: z.array(z.object({ day_of_week: z.number().int(), start_time: z.string(), end_time: z.string() })),
      current_time: z.string().describe('YYYY-MM-DDTHH:mm:ss, the agency’s local time'),
      is_working_time: z.boolean(),
    }),
    operation: ImWorkingHoursDocument,
    map: ({ myWorkingHours: w }) => ({
      timezone: w.utcOffsetHours,
      working_days: w.days.filter((d) => d.isWorkingDay).map((d) => ({ day_of_week: d.dayOfWeek, start_time: d.startTime, end_time: d.endTime })),
      current_time: w.currentTime,
      is_working_time: w.isWorkingTime,
    }),
  }),
  graphqlRoute({
    ...common,
    method: 'POST',
    path: '/api/v1/im/tools/validate-phone',
    summary: '号码验证',
    description:
      'libphonenumber’s full metadata. A number without a +country prefix is read in country_code (ISO 3166-1, default PH). ' +
      'An invalid number is 200 with is_valid false (decisions.md) and null details. number_type: mobile, fixed_line, ' +
      'fixed_line_or_mobile, voip, toll_free, …; carrier is always null (no carrier data offline); formatted_number ' +
      '(international) and e164_number are added.',
    body: z.object({ phone_number: z.string().min(1).max(64), country_code: z.string().regex(/^[A-Z]{2}$/, 'must be two capital letters (ISO 3166-1)').optional() }),
    response: z.object({
      is_valid: z.boolean(),
      country_code: z.string().nullable(),
      carrier: z.string().nullable(),
      number_type: z.string().nullable(),
      formatted_number: z.string().nullable(),
      e164_number: z.string().nullable(),
    }),
    fieldAliases: { number: 'phone_number', defaultCountry: 'country_code' },
    operation: ImValidatePhoneDocument,
    variables: ({ body }) => ({ number: body.phone_number, defaultCountry: body.country_code }),
    map: ({ validatePhone: p }) => ({
      is_valid: p.isValid,
      country_code: p.countryCode ?? null,
      carrier: null,
      number_type: p.numberType ?? null,
      formatted_number: p.formattedNumber ?? null,
      e164_number: p.e164Number ?? null,
    }),
  }),
];
