import { IsOptional, MaxLength, MinLength } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { LoginChannel } from '../entities';

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

  @Field(() => String, { nullable: true, description: 'Collector app device (IM login).' })
  @IsOptional()
  @MaxLength(128)
  deviceId?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(128)
  deviceName?: string | null;
}
