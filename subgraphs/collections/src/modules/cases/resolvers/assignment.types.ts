import { Field, ID, Int, ObjectType } from 'type-graphql';
import { TenantStub } from '../../org/entities/tenant.stub';

@ObjectType({ description: 'A case as it was just assigned (CCO admin § 8.4, § 8.6).' })
export class CaseAssignmentResult {
  @Field(() => ID)
  caseId!: number;

  @Field()
  caseCode!: string;

  @Field(() => ID)
  collectorId!: number;

  @Field()
  collectorName!: string;

  @Field(() => Date)
  assignedAt!: Date;

  @Field(() => TenantStub, { description: 'The case’s tenant (its zone renders assignedAt).' })
  tenant!: TenantStub;
}

@ObjectType({ description: 'What one collector received from an auto-assign run.' })
export class AutoAssignShare {
  @Field(() => ID)
  collectorId!: number;

  @Field()
  collectorName!: string;

  @Field(() => Int)
  caseCount!: number;
}

@ObjectType({ description: 'CCO admin § 8.5.' })
export class AutoAssignResult {
  @Field(() => Int, { description: 'Unassigned open cases of the queue found.' })
  totalCases!: number;

  @Field(() => Int)
  assigned!: number;

  @Field(() => Int, { description: 'Cases no collector had room for; they stay unassigned.' })
  failed!: number;

  @Field(() => [AutoAssignShare], { description: 'Every active collector of the team, by id, with what they received.' })
  assignments!: AutoAssignShare[];
}
