import { IsEmail, IsOptional, Matches, MaxLength, MinLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { UserStatus } from '../entities';
import { MIN_PASSWORD_LENGTH } from '../services/password.service';

export const USERNAME_PATTERN = /^[A-Za-z0-9._@-]+$/;

@InputType()
export class CreateUserInput {
  @Field()
  @MinLength(2)
  @MaxLength(64)
  @Matches(USERNAME_PATTERN, { message: 'username may hold letters, digits and . _ @ - only' })
  username!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(255)
  email?: string | null;

  @Field()
  @MinLength(MIN_PASSWORD_LENGTH)
  @MaxLength(256)
  password!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(128)
  fullName?: string | null;

  @Field(() => ID, { nullable: true })
  positionId?: string | null;

  @Field(() => ID, { nullable: true })
  roleId?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(64)
  roleCode?: string | null;

  @Field(() => UserStatus, { nullable: true, defaultValue: UserStatus.active })
  status?: UserStatus | null;

  @Field(() => ID, { nullable: true, description: 'Required for platform callers; others create in their own tenant.' })
  tenantId?: string | null;
}
