import { InputType } from 'type-graphql';
import { CodeField, NameField, OptionalText } from '@platform/kit';
import { PermissionsField, TargetTenantField } from './input-field.decorators';

@InputType()
export class RoleInput {
  @CodeField()
  code!: string;

  @NameField()
  name!: string;

  @OptionalText(2000)
  description?: string | null;

  @PermissionsField({ description: 'resource:action codes given directly (besides menu grants).' })
  permissions?: string[] | null;

  @TargetTenantField()
  tenantId?: string | null;
}
