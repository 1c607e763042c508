import { InputType } from 'type-graphql';
import { OptionalNameField, OptionalText } from '@platform/kit';
import { PermissionsField } from './input-field.decorators';

/** Absent fields stay unchanged; `permissions` replaces the directly given codes (menu grants stay). */
@InputType()
export class UpdateRoleInput {
  @OptionalNameField()
  name?: string | null;

  @OptionalText(2000)
  description?: string | null;

  @PermissionsField()
  permissions?: string[] | null;
}
