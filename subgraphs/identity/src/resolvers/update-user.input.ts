import { IsEmail, IsOptional, MaxLength, MinLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { UserStatus } from '../entities';
import { MIN_PASSWORD_LENGTH } from '../services/password.service';

/** Absent fields stay as they are; `email`, `fullName` and `positionId` may be set to null to clear them. */
@InputType()
export class UpdateUserInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(255)
  email?: string | null;

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

  @Field(() => UserStatus, { nullable: true })
  status?: UserStatus | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MinLength(MIN_PASSWORD_LENGTH)
  @MaxLength(256)
  password?: string | null;
}
