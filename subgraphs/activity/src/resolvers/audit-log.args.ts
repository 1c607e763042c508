import { IsOptional, Matches, MaxLength } from 'class-validator';
import { PageArgs } from '@platform/kit';
import { ArgsType, Field, ID } from 'type-graphql';

@ArgsType()
export class AuditLogFilter extends PageArgs({ size: 20 }) {
  @Field(() => String, { nullable: true, description: "The tenant's id or code (003's X-Tenant-Id): must be the caller's own unless a platform administrator asks." })
  @IsOptional()
  @MaxLength(64)
  tenant?: string | null;

  @Field(() => String, { nullable: true, description: 'e.g. lead, worklog, user.' })
  @IsOptional()
  @Matches(/^[a-z][a-z0-9_]*$/, { message: 'resourceType must be a lower_snake_case code' })
  @MaxLength(50)
  resourceType?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @MaxLength(64)
  resourceId?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @MaxLength(36)
  actorId?: string | null;

  @Field(() => Date, { nullable: true, description: 'From this time on (inclusive).' })
  from?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Before this time (exclusive).' })
  to?: Date | null;
}
