import { Matches, MaxLength } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { NameField, OptionalText } from '@platform/kit';
import { PermissionField, TargetTenantField } from './input-field.decorators';

/** Menu codes prefix permission codes (`employees` → `employees:view`), so they share the resource syntax. */
export const MENU_CODE_PATTERN = /^[a-z][a-z0-9_-]*$/;

@InputType()
export class MenuInput {
  @NameField()
  name!: string;

  @Field()
  @MaxLength(64)
  @Matches(MENU_CODE_PATTERN, { message: 'code must be lower case letters, digits, _ or - (e.g. employees)' })
  code!: string;

  @OptionalText(255)
  path?: string | null;

  @OptionalText(64)
  icon?: string | null;

  @Field(() => ID, { nullable: true })
  parentId?: string | null;

  @Field(() => Int, { nullable: true })
  sortOrder?: number | null;

  @PermissionField({ description: 'The code that shows it, e.g. "employees:view".' })
  permission?: string | null;

  @Field(() => Boolean, { nullable: true })
  isVisible?: boolean | null;

  @TargetTenantField()
  tenantId?: string | null;
}
