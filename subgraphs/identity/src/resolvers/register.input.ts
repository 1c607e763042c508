import { IsOptional, Matches, MaxLength, MinLength } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { MIN_PASSWORD_LENGTH } from '../services/password.service';
import { USERNAME_PATTERN } from './create-user.input';

@InputType()
export class RegisterInput {
  @Field()
  @MinLength(2)
  @MaxLength(64)
  @Matches(USERNAME_PATTERN, { message: 'username may hold letters, digits and . _ @ - only' })
  username!: string;

  @Field()
  @MinLength(MIN_PASSWORD_LENGTH)
  @MaxLength(256)
  password!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(128)
  nickname?: string | null;

  @Field(() => String, { nullable: true, description: 'Role code; only with an admin token (users:create).' })
  @IsOptional()
  @MaxLength(64)
  role?: string | null;
}
