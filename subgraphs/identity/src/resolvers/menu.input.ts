import { IsOptional, Matches, MaxLength, MinLength } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { CODE_PATTERN as PERMISSION_PATTERN } from '../services/permission-codes';

/** Menu codes prefix permission codes (`employees` → `employees:view`), so they share the resource syntax. */
export const MENU_CODE_PATTERN = /^[a-z][a-z0-9_-]*$/;

@InputType()
export class MenuInput {
  @Field()
  @MinLength(1)
  @MaxLength(128)
  name!: string;

  @Field()
  @MaxLength(64)
  @Matches(MENU_CODE_PATTERN, { message: 'code must be lower case letters, digits, _ or - (e.g. employees)' })
  code!: string;

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

  @Field(() => String, { nullable: true, description: 'The code that shows it, e.g. "employees:view".' })
  @IsOptional()
  @Matches(PERMISSION_PATTERN, { message: 'permission must be a code like employees:view' })
  permission?: string | null;

  @Field(() => Boolean, { nullable: true })
  isVisible?: boolean | null;

  @Field(() => ID, { nullable: true, description: 'Required for platform callers; others create in their own tenant.' })
  tenantId?: string | null;
}
