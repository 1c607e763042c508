import { IsOptional, MaxLength } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';

@InputType()
export class PositionFilter {
  @Field(() => Int, { nullable: true })
  level?: number | null;

  @Field(() => ID, { nullable: true })
  parentId?: string | null;

  @Field(() => String, { nullable: true, description: 'Matches name or code.' })
  @IsOptional()
  @MaxLength(128)
  search?: string | null;
}
