import { IsOptional, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { Field, InputType, Int } from 'type-graphql';

/** Absent fields stay unchanged. */
@InputType()
export class UpdateTenantInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @MinLength(1)
  @MaxLength(128)
  name?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(128)
  nameEn?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(/^[A-Z]{2}$/, { message: 'countryCode must be two capital letters (ISO 3166-1)' })
  countryCode?: string | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @Min(-12)
  @Max(14)
  timezone?: number | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(64)
  zone?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(/^[A-Z]{3}$/, { message: 'currencyCode must be three capital letters (ISO 4217)' })
  currencyCode?: string | null;

  @Field(() => Boolean, { nullable: true })
  isActive?: boolean | null;

  @Field(() => Boolean, { nullable: true })
  allowRegistration?: boolean | null;
}
