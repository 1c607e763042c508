import { Field, InputType, registerEnumType } from 'type-graphql';
import { EmailField, OptionalText } from '@platform/kit';
import { PasswordField, TargetTenantField, UsernameField } from './input-field.decorators';

/** The CCO organisation roles an agency's admin console gives accounts to (a collector, a group's SPV). */
export enum StaffRole {
  collector = 'collector',
  SPV = 'SPV',
  TeamLeader = 'TeamLeader',
}
registerEnumType(StaffRole, { name: 'StaffRole', description: 'A CCO staff role: collector, SPV or TeamLeader.' });

@InputType({ description: 'A CCO staff account (collector, SPV, team leader), created for collections’ admin console.' })
export class CreateStaffAccountInput {
  @UsernameField()
  username!: string;

  @PasswordField()
  password!: string;

  @OptionalText(128)
  fullName?: string | null;

  @EmailField()
  email?: string | null;

  @Field(() => StaffRole)
  role!: StaffRole;

  @TargetTenantField()
  tenantId?: string | null;
}

@InputType({ description: 'A staff account’s name, e-mail and staff role; absent fields stay unchanged.' })
export class UpdateStaffAccountInput {
  @OptionalText(128)
  fullName?: string | null;

  @EmailField()
  email?: string | null;

  @Field(() => StaffRole, { nullable: true, description: 'Replaces the account’s role (a collector made SPV or team leader).' })
  role?: StaffRole | null;
}
