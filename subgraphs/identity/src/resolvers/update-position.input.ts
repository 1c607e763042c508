import { IsOptional, Max, Min } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { OptionalNameField, OptionalText } from '@platform/kit';

/** Absent fields stay unchanged; `parentId: null` makes the position a root. */
@InputType()
export class UpdatePositionInput {
  @OptionalNameField()
  name?: string | null;

  @OptionalText(2000)
  description?: string | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @Min(1)
  @Max(100)
  level?: number | null;

  @OptionalText(128)
  department?: string | null;

  @Field(() => ID, { nullable: true })
  parentId?: string | null;
}
