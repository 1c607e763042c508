import { Min } from 'class-validator';
import { EmailField, OptionalText, optionalField, stacked } from '@platform/kit';
import { Field, InputType, Int } from 'type-graphql';
import { OrgCode, OrgId, OrgName } from './org-fields';

/** The SPV account made with a team group: `spv_login_id`, `spv_password`, `spv_account_name`, `spv_email`, `spv_mobile`. */
@InputType()
export class NewSpvInput {
  @Field()
  loginId!: string;

  @Field()
  password!: string;

  @OrgName(100)
  accountName!: string;

  @EmailField()
  email?: string | null;

  @OptionalText(50)
  mobile?: string | null;

  @OrgCode('spv.collectorCode', false)
  collectorCode?: string | null;
}

/** A new team group (CCO admin § 4.2), and optionally its SPV's account made in the same call (decisions.md § CCO). */
@InputType()
export class CreateTeamGroupInput {
  @OrgId('tenantId', false)
  tenantId?: string | null;

  @OrgId('agencyId')
  agencyId!: string;

  @OrgCode('groupCode')
  groupCode!: string;

  @OrgName(100)
  groupName!: string;

  @OptionalText(100)
  groupNameEn?: string | null;

  @OptionalText(500)
  description?: string | null;

  @stacked(optionalField(() => Int), Min(0))
  sortOrder?: number | null;

  @optionalField(() => Boolean)
  isActive?: boolean | null;

  @Field(() => NewSpvInput, { nullable: true, description: 'Creates the SPV’s account (role SPV) and makes it the group’s SPV.' })
  spv?: NewSpvInput | null;
}
