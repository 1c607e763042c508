import { Field, ID, InputType } from 'type-graphql';
import { UserStatus } from '../entities';
import { EmailField, OptionalText } from '@platform/kit';
import { OptionalPasswordField } from './input-field.decorators';

/** Absent fields stay as they are; `email`, `fullName` and `positionId` may be set to null to clear them. */
@InputType()
export class UpdateUserInput {
  @EmailField()
  email?: string | null;

  @OptionalText(128)
  fullName?: string | null;

  @Field(() => ID, { nullable: true })
  positionId?: string | null;

  @Field(() => ID, { nullable: true })
  roleId?: string | null;

  @OptionalText(64)
  roleCode?: string | null;

  @Field(() => UserStatus, { nullable: true })
  status?: UserStatus | null;

  @OptionalPasswordField()
  password?: string | null;
}
