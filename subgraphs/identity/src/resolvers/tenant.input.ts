import { IsOptional, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { Field, InputType, Int } from 'type-graphql';

@InputType()
export class TenantInput {
  @Field({ description: 'tenant_code, unique, e.g. DEMO' })
  @MinLength(2)
  @MaxLength(32)
  @Matches(/^[A-Za-z0-9_-]+$/, { message: 'code may hold letters, digits, _ and - only' })
  code!: string;

  @Field()
  @MinLength(1)
  @MaxLength(128)
  name!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(128)
  nameEn?: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2, e.g. PH' })
  @IsOptional()
  @Matches(/^[A-Z]{2}$/, { message: 'countryCode must be two capital letters (ISO 3166-1)' })
  countryCode?: string | null;

  @Field(() => Int, { nullable: true, description: 'UTC offset in hours (8)' })
  @IsOptional()
  @Min(-12)
  @Max(14)
  timezone?: number | null;

  @Field(() => String, { nullable: true, description: 'IANA zone; derived from countryCode/timezone when absent.' })
  @IsOptional()
  @MaxLength(64)
  zone?: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 4217, e.g. PHP' })
  @IsOptional()
  @Matches(/^[A-Z]{3}$/, { message: 'currencyCode must be three capital letters (ISO 4217)' })
  currencyCode?: string | null;

  @Field(() => Boolean, { nullable: true, defaultValue: true })
  isActive?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Anonymous sign-up into this tenant (default true).' })
  allowRegistration?: boolean | null;
}
