import { ArrayMaxSize, IsOptional, Matches, MaxLength } from 'class-validator';
import { ID_PATTERN } from '@platform/kit';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, InputType } from 'type-graphql';

/** CCO 10.3 推送通知: a template's notice to users, teams, agencies or roles of the tenant. */
@InputType()
export class PushNotificationInput {
  @Field({ description: 'The template code (CCO template_id).' })
  @MaxLength(64)
  templateCode!: string;

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(1000)
  @Matches(ID_PATTERN, { each: true, message: 'userIds must hold user ids' })
  userIds?: string[] | null;

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(100)
  @Matches(ID_PATTERN, { each: true, message: 'teamIds must hold team ids' })
  teamIds?: string[] | null;

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(100)
  @Matches(ID_PATTERN, { each: true, message: 'agencyIds must hold agency ids' })
  agencyIds?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Role codes, e.g. collector.' })
  @IsOptional()
  @ArrayMaxSize(20)
  @Matches(/^[A-Za-z][A-Za-z0-9_-]*$/, { each: true, message: 'roles must hold role codes' })
  roles?: string[] | null;

  @Field(() => GraphQLJSONObject, { nullable: true, description: 'Values of the template\'s {placeholders}.' })
  variables?: Record<string, unknown> | null;

  @Field(() => ID, { nullable: true, description: 'Required from a platform administrator, otherwise the caller\'s own.' })
  @IsOptional()
  @Matches(ID_PATTERN, { message: 'tenantId must be a tenant id' })
  tenantId?: string | null;
}
