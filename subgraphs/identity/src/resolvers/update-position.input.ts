import { IsOptional, Max, MaxLength, Min, MinLength } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';

/** Absent fields stay unchanged; `parentId: null` makes the position a root. */
@InputType()
export class UpdatePositionInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @MinLength(1)
  @MaxLength(128)
  name?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(2000)
  description?: string | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @Min(1)
  @Max(100)
  level?: number | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(128)
  department?: string | null;

  @Field(() => ID, { nullable: true })
  parentId?: string | null;
}
