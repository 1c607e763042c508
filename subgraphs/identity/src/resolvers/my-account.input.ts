import { MaxLength, MinLength } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { EmailField } from '@platform/kit';
import { PasswordField } from './input-field.decorators';

@InputType({ description: 'What an account may change of itself (the collector app\u2019s 个人资料): absent fields stay as they are.' })
export class UpdateMyAccountInput {
  @EmailField()
  email?: string | null;
}

@InputType()
export class ChangeMyPasswordInput {
  @Field({ description: 'The current password.' })
  @MinLength(1)
  @MaxLength(256)
  oldPassword!: string;

  @PasswordField()
  newPassword!: string;
}
