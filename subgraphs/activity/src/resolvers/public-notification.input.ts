import { IsOptional, Matches, MaxLength } from 'class-validator';
import { ID_PATTERN, NotBlank } from '@platform/kit';
import { Field, ID, InputType } from 'type-graphql';

/** CCO 10.5 创建公共通知 (fields as its list shows them, 10.4). */
@InputType()
export class CreatePublicNotificationInput {
  @Field()
  @NotBlank()
  @MaxLength(200)
  title!: string;

  @Field()
  @NotBlank()
  @MaxLength(10_000)
  content!: string;

  @Field(() => Boolean, { nullable: true })
  forcedRead?: boolean | null;

  @Field({ description: 'ISO 8601 with a zone, or YYYY-MM-DD HH:mm:ss in the tenant\'s zone.' })
  effectiveStart!: string;

  @Field(() => String, { nullable: true, description: 'As effectiveStart; null: until disabled.' })
  effectiveEnd?: string | null;

  @Field(() => Boolean, { nullable: true })
  enabled?: boolean | null;

  @Field(() => ID, { nullable: true, description: 'Required from a platform administrator, otherwise the caller\'s own.' })
  @IsOptional()
  @Matches(ID_PATTERN, { message: 'tenantId must be a tenant id' })
  tenantId?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Platform administrators only: to the users of every tenant (times in UTC).' })
  platformWide?: boolean | null;
}
