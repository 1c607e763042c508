import { Field, ID, InputType } from 'type-graphql';
import { UserStatus } from '../entities';
import { EmailField, OptionalText } from '@platform/kit';
import { PasswordField, TargetTenantField, UsernameField } from './input-field.decorators';

@InputType()
export class CreateUserInput {
  @UsernameField()
  username!: string;

  @EmailField()
  email?: string | null;

  @PasswordField()
  password!: string;

  @OptionalText(128)
  fullName?: string | null;

  @Field(() => ID, { nullable: true })
  positionId?: string | null;

  @Field(() => ID, { nullable: true })
  roleId?: string | null;

  @OptionalText(64)
  roleCode?: string | null;

  @Field(() => UserStatus, { nullable: true, defaultValue: UserStatus.active })
  status?: UserStatus | null;

  @TargetTenantField()
  tenantId?: string | null;
}
