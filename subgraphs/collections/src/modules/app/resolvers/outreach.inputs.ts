import { IsOptional, Matches } from 'class-validator';
import { GraphQLJSONObject } from 'graphql-scalars';
import { OptionalText } from '@platform/kit';
import { Field, ID, InputType } from 'type-graphql';

@InputType({ description: 'Whom to reach on a case: the server resolves the number; the app never needs it unmasked.' })
export class ReachInput {
  @Field(() => ID)
  caseId!: string;

  @Field(() => ID, { nullable: true, description: 'One of the case’s contacts (the detail’s emergency contacts); default the debtor.' })
  contactId?: string | null;

  @OptionalText(32, { description: 'A number of the case as the app shows it (masked) or in full; default the debtor’s mobile.' })
  phoneNumber?: string;

  @OptionalText(32, { description: '本人 / 配偶 / 家人 / 朋友 / 同事 / 其他; default the contact’s relationship.' })
  contactPerson?: string;

  @OptionalText(64, { description: 'The app’s own id of the action: a retry with it answers the first result and sends nothing again.' })
  clientId?: string;
}

@InputType()
export class SendMessageInput extends ReachInput {
  @Field(() => String, { description: 'The provider template’s code, e.g. REMIND_PAYMENT.' })
  @Matches(/^[A-Za-z][A-Za-z0-9_]{0,63}$/, { message: 'messageTemplate must be a template code (letters, digits, _; at most 64)' })
  messageTemplate!: string;

  @Field(() => GraphQLJSONObject, { nullable: true, description: 'The template’s variables: names to text values.' })
  @IsOptional()
  variables?: Record<string, string> | null;
}

export const MAX_VARIABLES = 20;
export const MAX_VARIABLE_LENGTH = 500;
