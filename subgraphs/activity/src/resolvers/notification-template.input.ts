import { IsOptional, Matches, Max, MaxLength, Min } from 'class-validator';
import { ID_PATTERN, NotBlank } from '@platform/kit';
import { Field, ID, InputType, Int } from 'type-graphql';
import { NotificationPriority } from '../entities/notification-priority.enum';

/** CCO 10.2 创建通知模板 (template_id → code, template_name → name, …). */
@InputType()
export class CreateNotificationTemplateInput {
  @Field({ description: 'CCO template_id; unique in the tenant; a default code (worklog.rated) overrides the platform default.' })
  @Matches(/^[A-Za-z][A-Za-z0-9_.-]*$/, { message: 'code must start with a letter and hold letters, digits, _ . -' })
  @MaxLength(64)
  code!: string;

  @Field()
  @NotBlank()
  @MaxLength(100)
  name!: string;

  @Field({ description: 'template_type: the category of its notifications.' })
  @Matches(/^[a-z][a-z0-9_]*$/, { message: 'type must be a lower_snake_case code' })
  @MaxLength(50)
  type!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(200)
  titleTemplate?: string | null;

  @Field()
  @NotBlank()
  @MaxLength(5000)
  contentTemplate!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(/^[a-z][a-z0-9_]*$/, { message: 'targetType must be a lower_snake_case code' })
  @MaxLength(30)
  targetType?: string | null;

  @Field(() => Boolean, { nullable: true })
  forcedRead?: boolean | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @Min(1)
  @Max(10_080)
  repeatIntervalMinutes?: number | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @Min(0)
  @Max(100)
  maxRemindCount?: number | null;

  @Field(() => NotificationPriority, { nullable: true })
  priority?: NotificationPriority | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @Min(1)
  @Max(3600)
  displayDurationSeconds?: number | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(500)
  actionUrlTemplate?: string | null;

  @Field(() => Boolean, { nullable: true })
  enabled?: boolean | null;

  @Field(() => ID, { nullable: true, description: 'Required from a platform administrator, otherwise the caller\'s own.' })
  @IsOptional()
  @Matches(ID_PATTERN, { message: 'tenantId must be a tenant id' })
  tenantId?: string | null;
}
