import { ArrayMaxSize, IsOptional, Matches, MaxLength, MinLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { CODE_PATTERN as PERMISSION_PATTERN } from '../services/permission-codes';
import { CODE_PATTERN } from './position.input';

@InputType()
export class RoleInput {
  @Field()
  @MinLength(1)
  @MaxLength(64)
  @Matches(CODE_PATTERN, { message: 'code may hold letters, digits and . _ - only' })
  code!: string;

  @Field()
  @MinLength(1)
  @MaxLength(128)
  name!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(2000)
  description?: string | null;

  @Field(() => [String], { nullable: true, description: 'resource:action codes given directly (besides menu grants).' })
  @IsOptional()
  @ArrayMaxSize(500)
  @Matches(PERMISSION_PATTERN, { each: true, message: 'permissions must be codes like employees:view' })
  permissions?: string[] | null;

  @Field(() => ID, { nullable: true, description: 'Required for platform callers; others create in their own tenant.' })
  tenantId?: string | null;
}
