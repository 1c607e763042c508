import { IsOptional, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { Field, InputType, Int } from 'type-graphql';
import { CountryCodeField, CurrencyCodeField, NameField, OptionalText, TimezoneField } from '@platform/kit';
import { TENANT_MIN_LENGTH_BOUNDS } from '../services/password-policy';

@InputType()
export class TenantInput {
  @Field({ description: 'tenant_code, unique, e.g. DEMO' })
  @MinLength(2)
  @MaxLength(32)
  @Matches(/^[A-Za-z0-9_-]+$/, { message: 'code may hold letters, digits, _ and - only' })
  code!: string;

  @NameField()
  name!: string;

  @OptionalText(128)
  nameEn?: string | null;

  @CountryCodeField({ description: 'ISO 3166-1 alpha-2, e.g. PH' })
  countryCode?: string | null;

  @TimezoneField({ description: 'UTC offset in hours (8)' })
  timezone?: number | null;

  @OptionalText(64, { description: 'IANA zone; derived from countryCode/timezone when absent.' })
  zone?: string | null;

  @CurrencyCodeField({ description: 'ISO 4217, e.g. PHP' })
  currencyCode?: string | null;

  @Field(() => Boolean, { nullable: true, defaultValue: true })
  isActive?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Anonymous sign-up into this tenant (default true).' })
  allowRegistration?: boolean | null;

  @Field(() => Int, { nullable: true, description: 'Minimum password length for its accounts (6 to 128); null: the platform default 6.' })
  @IsOptional()
  @Min(TENANT_MIN_LENGTH_BOUNDS.min)
  @Max(TENANT_MIN_LENGTH_BOUNDS.max)
  passwordMinLength?: number | null;
}
