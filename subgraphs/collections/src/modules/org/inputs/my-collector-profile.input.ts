import { IsIn } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { OptionalText } from '@platform/kit';
import { PRESENCE_STATUSES, type PresenceStatus } from '../entities/collector.entity';

@InputType({ description: 'What a collector may change of their own work profile (the app\u2019s 个人资料): absent fields stay.' })
export class UpdateMyCollectorProfileInput {
  @OptionalText(50, { description: 'The work mobile the console shows.' })
  mobile?: string | null;
}

@InputType()
export class SetMyWorkStatusInput {
  @Field(() => String, { description: PRESENCE_STATUSES.join(', ') })
  @IsIn(PRESENCE_STATUSES, { message: `workStatus must be one of ${PRESENCE_STATUSES.join(', ')}` })
  workStatus!: PresenceStatus;
}
