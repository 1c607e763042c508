import { Field, ID, InputType, Int } from 'type-graphql';
import { OptionalNameField, OptionalText } from '@platform/kit';
import { PermissionField } from './input-field.decorators';

/** Absent fields stay unchanged; `parentId: null` makes it top level, `permission: null` shows it to everyone. */
@InputType()
export class UpdateMenuInput {
  @OptionalNameField()
  name?: string | null;

  @OptionalText(255)
  path?: string | null;

  @OptionalText(64)
  icon?: string | null;

  @Field(() => ID, { nullable: true })
  parentId?: string | null;

  @Field(() => Int, { nullable: true })
  sortOrder?: number | null;

  @PermissionField()
  permission?: string | null;

  @Field(() => Boolean, { nullable: true })
  isVisible?: boolean | null;
}
