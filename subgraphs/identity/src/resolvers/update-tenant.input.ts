import { Field, InputType } from 'type-graphql';
import { CountryCodeField, CurrencyCodeField, OptionalNameField, OptionalText, TimezoneField } from '@platform/kit';

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
}
