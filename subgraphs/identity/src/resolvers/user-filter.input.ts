import { IsOptional, MaxLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { UserStatus } from '../entities';

@InputType()
export class UserFilter {
  @Field(() => String, { nullable: true, description: 'Matches username, full name or e-mail.' })
  @IsOptional()
  @MaxLength(128)
  search?: string | null;

  @Field(() => ID, { nullable: true })
  positionId?: string | null;

  @Field(() => ID, { nullable: true })
  roleId?: string | null;

  @Field(() => String, { nullable: true })
  roleCode?: string | null;

  @Field(() => UserStatus, { nullable: true })
  status?: UserStatus | null;

  @Field(() => ID, { nullable: true, description: 'Platform callers only: one tenant instead of all.' })
  tenantId?: string | null;
}
