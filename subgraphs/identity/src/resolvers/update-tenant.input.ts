import { IsOptional, Max, Min } from 'class-validator';
import { Field, InputType, Int } from 'type-graphql';
import { CountryCodeField, CurrencyCodeField, OptionalNameField, OptionalText, TimezoneField } from '@platform/kit';
import { TENANT_MIN_LENGTH_BOUNDS } from '../services/password-policy';

/** Absent fields stay unchanged. */
@InputType()
export class UpdateTenantInput {
  @OptionalNameField()
  name?: string | null;

  @OptionalText(128)
  nameEn?: string | null;

  @CountryCodeField()
  countryCode?: string | null;

  @TimezoneField()
  timezone?: number | null;

  @OptionalText(64)
  zone?: string | null;

  @CurrencyCodeField()
  currencyCode?: string | null;

  @Field(() => Boolean, { nullable: true })
  isActive?: boolean | null;

  @Field(() => Boolean, { nullable: true })
  allowRegistration?: boolean | null;

  @Field(() => Int, { nullable: true, description: 'Minimum password length for its accounts (6 to 128); null: the platform default 6.' })
  @IsOptional()
  @Min(TENANT_MIN_LENGTH_BOUNDS.min)
  @Max(TENANT_MIN_LENGTH_BOUNDS.max)
  passwordMinLength?: number | null;
}
