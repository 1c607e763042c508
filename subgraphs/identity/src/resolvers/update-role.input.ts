import { ArrayMaxSize, IsOptional, Matches, MaxLength, MinLength } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { CODE_PATTERN as PERMISSION_PATTERN } from '../services/permission-codes';

/** Absent fields stay unchanged; `permissions` replaces the directly given codes (menu grants stay). */
@InputType()
export class UpdateRoleInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @MinLength(1)
  @MaxLength(128)
  name?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(2000)
  description?: string | null;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(500)
  @Matches(PERMISSION_PATTERN, { each: true, message: 'permissions must be codes like employees:view' })
  permissions?: string[] | null;
}
