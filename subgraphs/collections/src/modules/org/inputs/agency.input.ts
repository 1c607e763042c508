import { Max, Min } from 'class-validator';
import { EmailField, OptionalText, optionalField, stacked } from '@platform/kit';
import { InputType, Int } from 'type-graphql';
import { OneOf, OrgCode, OrgId, OrgName } from './org-fields';

export const AGENCY_TYPES = ['real', 'virtual'] as const;

const Timezone = () => stacked(optionalField(() => Int, { description: 'UTC offset in hours (8 = UTC+8).' }), Min(-12), Max(14));

/** An agency's optional fields (CCO admin § 3.2). */
@InputType('AgencyFields', { description: 'The optional fields create and update share.' })
abstract class AgencyFields {
  @OptionalText(100)
  agencyNameEn?: string | null;

  @OptionalText(100)
  contactPerson?: string | null;

  @OptionalText(50)
  contactPhone?: string | null;

  @EmailField()
  contactEmail?: string | null;

  @OptionalText(255)
  address?: string | null;

  @Timezone()
  timezone?: number | null;

  @OneOf('agencyType', AGENCY_TYPES)
  agencyType?: string | null;

  @optionalField(() => Boolean)
  isActive?: boolean | null;
}

@InputType()
export class CreateAgencyInput extends AgencyFields {
  @OrgId('tenantId', false)
  tenantId?: string | null;

  @OrgCode('agencyCode')
  agencyCode!: string;

  @OrgName(100)
  agencyName!: string;
}

/** Update: the create fields, each optional; only those given change. */
@InputType()
export class UpdateAgencyInput extends AgencyFields {
  @OrgCode('agencyCode', false)
  agencyCode?: string | null;

  @OrgName(100, false)
  agencyName?: string | null;
}
