import { IsOptional, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { LoginChannel } from '../entities';
import { DeviceInput } from './device.input';
import { LoginAudience } from './login-audience.enum';

@InputType()
export class LoginInput {
  @Field({ description: 'Username (004/002, CCO loginId) or e-mail (001).' })
  @MinLength(1)
  @MaxLength(255)
  login!: string;

  @Field()
  @MinLength(1)
  @MaxLength(256)
  password!: string;

  @Field(() => LoginChannel, { nullable: true, defaultValue: LoginChannel.WEB })
  channel?: LoginChannel | null;

  @Field(() => DeviceInput, { nullable: true, description: 'Required on APP (the collector app); recorded on WEB.' })
  @IsOptional()
  @ValidateNested()
  device?: DeviceInput | null;

  @Field(() => Boolean, {
    nullable: true,
    defaultValue: false,
    description: 'APP: when every device slot is taken, sign the oldest device out instead of CONFLICT DEVICE_LIMIT.',
  })
  force?: boolean | null;

  @Field(() => LoginAudience, {
    nullable: true,
    defaultValue: LoginAudience.ANY,
    description:
      'ADMIN_CONSOLE refuses accounts that may not use the admin console (FORBIDDEN NOT_ADMIN_CONSOLE_ACCOUNT); ' +
      'COLLECTOR_APP those that are not collectors or team leaders (FORBIDDEN NOT_COLLECTOR_APP_ACCOUNT).',
  })
  audience?: LoginAudience | null;
}
