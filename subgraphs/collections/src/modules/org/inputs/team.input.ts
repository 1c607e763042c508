import { OptionalText, optionalField } from '@platform/kit';
import { InputType } from 'type-graphql';
import { Capacity, OrgCode, OrgId, OrgName } from './org-fields';

/** A new team (CCO admin § 5.2). */
@InputType()
export class CreateTeamInput {
  @OrgId('tenantId', false)
  tenantId?: string | null;

  @OrgId('agencyId')
  agencyId!: string;

  @OrgId('teamGroupId', false)
  teamGroupId?: string | null;

  @OrgId('queueId', false)
  queueId?: string | null;

  @OrgCode('teamCode')
  teamCode!: string;

  @OrgName(100)
  teamName!: string;

  @OptionalText(100)
  teamNameEn?: string | null;

  @OptionalText(50)
  teamType?: string | null;

  @OptionalText(500)
  description?: string | null;

  @Capacity('maxCaseCount')
  maxCaseCount?: number | null;

  @optionalField(() => Boolean)
  isActive?: boolean | null;
}
