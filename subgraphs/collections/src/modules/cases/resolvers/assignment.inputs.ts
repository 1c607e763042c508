import { IsIn, Matches } from 'class-validator';
import { ID_PATTERN, OptionalText, stacked } from '@platform/kit';
import { Field, ID, InputType } from 'type-graphql';
import { AUTO_ASSIGN_STRATEGIES, type AutoAssignStrategy } from '../services/auto-assign.plan';

const IdField = (name: string, description?: string) =>
  stacked(Field(() => ID, { description }), Matches(ID_PATTERN, { message: `${name} must be a positive integer id` }));

@InputType({ description: 'CCO admin § 8.4.' })
export class AssignCaseInput {
  @IdField('collectorId', 'An active collector of the case’s tenant, in the caller’s scope, under their max_case_count.')
  collectorId!: string;

  @OptionalText(255)
  reason?: string;
}

@InputType({ description: 'CCO admin § 8.6.' })
export class TransferCaseInput {
  @IdField('fromCollectorId', 'The collector holding the case now.')
  fromCollectorId!: string;

  @IdField('toCollectorId')
  toCollectorId!: string;

  @OptionalText(255)
  reason?: string;
}

@InputType({ description: 'CCO admin § 8.5.' })
export class AutoAssignInput {
  @IdField('teamId')
  teamId!: string;

  @IdField('queueId')
  queueId!: string;

  @Field(() => String, { description: 'balanced, performance or specialty.' })
  @IsIn([...AUTO_ASSIGN_STRATEGIES], { message: 'strategy must be balanced, performance or specialty' })
  strategy!: AutoAssignStrategy;
}
