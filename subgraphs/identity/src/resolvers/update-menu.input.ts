import { IsOptional, Matches, MaxLength, MinLength } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { CODE_PATTERN as PERMISSION_PATTERN } from '../services/permission-codes';

/** Absent fields stay unchanged; `parentId: null` makes it top level, `permission: null` shows it to everyone. */
@InputType()
export class UpdateMenuInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @MinLength(1)
  @MaxLength(128)
  name?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(255)
  path?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(64)
  icon?: string | null;

  @Field(() => ID, { nullable: true })
  parentId?: string | null;

  @Field(() => Int, { nullable: true })
  sortOrder?: number | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(PERMISSION_PATTERN, { message: 'permission must be a code like employees:view' })
  permission?: string | null;

  @Field(() => Boolean, { nullable: true })
  isVisible?: boolean | null;
}
