import { DecimalScalar, type Decimal } from '@platform/kit';
import { IsIn, IsInt, Matches, Max, MaxLength, Min } from 'class-validator';
import { ArgsType, Field, InputType, Int, ObjectType } from 'type-graphql';
import { optionalField } from '@platform/kit';
import { WorkingDay } from '../../org/types/org-stats.types';
import { APP_PLATFORMS, type AppPlatform } from '../services/app-version';

@InputType({ description: 'The repayment calculator’s terms (CCO app § 11.1).' })
export class RepaymentTermsInput {
  @Field(() => DecimalScalar, { description: 'Greater than 0.' })
  principal!: Decimal;

  @Field(() => DecimalScalar, { description: 'A fraction of the principal (0.15 = 15 %), not negative.' })
  interestRate!: Decimal;

  @Field(() => Int, { description: 'Days overdue the penalty accrues for (0–3650).' })
  @IsInt()
  @Min(0)
  @Max(3650)
  days!: number;

  @Field(() => DecimalScalar, { description: 'A fraction of the principal per day, not negative.' })
  penaltyRate!: Decimal;
}

@ObjectType()
export class RepaymentQuote {
  @Field(() => DecimalScalar)
  principal!: Decimal;

  @Field(() => DecimalScalar)
  interest!: Decimal;

  @Field(() => DecimalScalar, { description: 'Capped at principal × the tenant’s penalty_cap_rate.' })
  penalty!: Decimal;

  @Field(() => DecimalScalar)
  totalAmount!: Decimal;
}

@ArgsType()
export class ValidatePhoneArgs {
  @Field(() => String)
  @MaxLength(64)
  number!: string;

  @optionalField(() => String, { description: 'ISO 3166-1 country a number without +prefix is read in (default PH).' })
  @Matches(/^[A-Z]{2}$/, { message: 'defaultCountry must be two capital letters (ISO 3166-1)' })
  defaultCountry?: string | null;
}

@ObjectType()
export class PhoneValidation {
  @Field()
  isValid!: boolean;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 country of the number.' })
  countryCode!: string | null;

  @Field(() => String, { nullable: true, description: 'mobile, fixed_line, fixed_line_or_mobile, voip, toll_free …; null when invalid.' })
  numberType!: string | null;

  @Field(() => String, { nullable: true, description: 'International format, e.g. +63 917 123 4567.' })
  formattedNumber!: string | null;

  @Field(() => String, { nullable: true, description: 'E.164, e.g. +639171234567.' })
  e164Number!: string | null;
}

@ObjectType()
export class MyWorkingHoursView {
  @Field(() => Int, { description: 'The agency’s UTC offset in hours.' })
  utcOffsetHours!: number;

  @Field(() => [WorkingDay], { description: 'Monday to Sunday; unconfigured days as the default (Mon–Fri 09:00–18:00).' })
  days!: WorkingDay[];

  @Field({ description: 'The agency’s local time now, YYYY-MM-DDTHH:mm:ss.' })
  currentTime!: string;

  @Field({ description: 'Whether now is inside today’s working hours (a working day, start ≤ now < end).' })
  isWorkingTime!: boolean;
}

@ArgsType()
export class AppVersionArgs {
  @Field(() => String, { description: 'ios or android.' })
  @IsIn(APP_PLATFORMS, { message: 'platform must be ios or android' })
  platform!: AppPlatform;

  @Field(() => String, { description: 'The app’s version, major.minor.patch.' })
  @MaxLength(32)
  currentVersion!: string;
}

@ObjectType()
export class AppVersionCheckView {
  @Field()
  latestVersion!: string;

  @Field()
  currentVersion!: string;

  @Field({ description: 'The app is older than the latest version.' })
  hasUpdate!: boolean;

  @Field({ description: 'The app is older than the minimum version still allowed.' })
  isForceUpdate!: boolean;

  @Field(() => String, { nullable: true, description: 'The platform’s download link, when configured.' })
  updateUrl!: string | null;

  @Field({ description: 'What changed (empty without an update).' })
  updateNotes!: string;
}
