import { InputType } from 'type-graphql';
import { OptionalText } from '@platform/kit';
import { PasswordField, UsernameField } from './input-field.decorators';

@InputType()
export class RegisterInput {
  @UsernameField()
  username!: string;

  @PasswordField()
  password!: string;

  @OptionalText(128)
  nickname?: string | null;

  @OptionalText(64, { description: 'Role code; only with an admin token (users:create).' })
  role?: string | null;
}
