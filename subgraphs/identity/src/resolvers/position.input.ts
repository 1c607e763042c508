import { IsOptional, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';

export const CODE_PATTERN = /^[A-Za-z0-9_.-]+$/;

@InputType()
export class PositionInput {
  @Field()
  @MinLength(1)
  @MaxLength(128)
  name!: string;

  @Field()
  @MinLength(1)
  @MaxLength(64)
  @Matches(CODE_PATTERN, { message: 'code may hold letters, digits and . _ - only' })
  code!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(2000)
  description?: string | null;

  @Field(() => Int)
  @Min(1)
  @Max(100)
  level!: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(128)
  department?: string | null;

  @Field(() => ID, { nullable: true })
  parentId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Required for platform callers; others create in their own tenant.' })
  tenantId?: string | null;
}
