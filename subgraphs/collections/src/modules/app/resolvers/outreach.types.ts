import { Field, ObjectType } from 'type-graphql';
import { Communication } from '../../work/entities/communication.entity';

@ObjectType({ description: 'A call the telephony provider placed (or is placing).' })
export class CallResult {
  @Field(() => String)
  callId!: string;

  @Field(() => String, { description: 'Where the collector’s softphone joins the call.' })
  callUrl!: string;

  @Field(() => String, { description: 'connecting' })
  status!: string;

  @Field(() => Communication, { description: 'The call as recorded on the case.' })
  communication!: Communication;
}

@ObjectType({ description: 'A message the WhatsApp or SMS provider accepted.' })
export class MessageResult {
  @Field(() => String)
  messageId!: string;

  @Field(() => String, { description: 'The provider’s delivery status: queued, sent or delivered.' })
  status!: string;

  @Field(() => Communication, { description: 'The message as recorded on the case.' })
  communication!: Communication;
}

@ObjectType({ description: 'A request a local contact provider was given (what a vendor would have sent).' })
export class ContactDispatch {
  @Field(() => String)
  channel!: string;

  @Field(() => String)
  provider!: string;

  @Field(() => String)
  tenantId!: string;

  @Field(() => String)
  caseId!: string;

  @Field(() => String, { description: 'Masked unless the caller may see personal data.' })
  to!: string;

  @Field(() => String, { description: 'Our communication id.' })
  reference!: string;

  @Field(() => String, { nullable: true })
  template?: string | null;

  @Field(() => String, { description: 'The variables as JSON.' })
  variables!: string;

  @Field(() => String)
  providerRef!: string;

  @Field(() => String)
  status!: string;

  @Field(() => Date)
  at!: Date;
}
