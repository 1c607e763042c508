import { EmailField, OptionalText, optionalField } from '@platform/kit';
import { Field, InputType } from 'type-graphql';
import { WORK_STATUSES } from '../entities/collector.entity';
import { Capacity, OneOf, OrgCode, OrgId, OrgName, Tags } from './org-fields';

/** The work profile's optional fields (CCO admin § 6.2), shared by create and update. */
@InputType('CollectorFields', { description: 'The optional fields create and update share.' })
abstract class CollectorFields {
  @OptionalText(50)
  mobile?: string | null;

  @OptionalText(50)
  employeeNo?: string | null;

  @OptionalText(20)
  collectorLevel?: string | null;

  @Capacity('maxCaseCount')
  maxCaseCount?: number | null;

  @Tags()
  specialties?: string[] | null;

  @OneOf('status', WORK_STATUSES)
  status?: string | null;

  @optionalField(() => Boolean)
  isActive?: boolean | null;
}

/** A new collector: identity's account (login id, password, name, e-mail; role collector) and the work profile. */
@InputType()
export class CreateCollectorInput extends CollectorFields {
  @OrgId('tenantId', false)
  tenantId?: string | null;

  @OrgId('agencyId')
  agencyId!: string;

  @OrgId('teamId', false)
  teamId?: string | null;

  @OrgCode('collectorCode')
  collectorCode!: string;

  @OrgName(100)
  collectorName!: string;

  @Field({ description: 'The account’s login id (identity checks and keeps it).' })
  loginId!: string;

  @Field({ description: 'The account’s first password (identity’s policy applies).' })
  password!: string;

  @EmailField()
  email?: string | null;
}

/** Update: the profile's fields, its team, and the account's name and e-mail (kept in identity). */
@InputType()
export class UpdateCollectorInput extends CollectorFields {
  @OrgId('teamId', false)
  teamId?: string | null;

  @OrgCode('collectorCode', false)
  collectorCode?: string | null;

  @OrgName(100, false)
  collectorName?: string | null;

  @EmailField()
  email?: string | null;
}
