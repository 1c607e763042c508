import { Field, ID, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'How a queue shows one case field (CCO admin § 7.3).' })
export class QueueFieldSetting {
  @Field()
  fieldKey!: string;

  @Field()
  isVisible!: boolean;

  @Field()
  isRequired!: boolean;

  @Field(() => Int)
  sortOrder!: number;
}

@ObjectType({ description: 'A queue’s field configuration, or the default it falls back to.' })
export class QueueConfig {
  @Field(() => ID)
  queueId!: number;

  @Field()
  queueName!: string;

  @Field({ description: 'queue: its own; tenant_display: the tenant’s admin_case_list display; standard: the active standard fields in order.' })
  source!: string;

  @Field(() => [QueueFieldSetting])
  fieldConfigs!: QueueFieldSetting[];
}
