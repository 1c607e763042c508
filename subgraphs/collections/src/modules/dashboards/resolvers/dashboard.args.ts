import { parseId } from '@platform/kit';
import { ArgsType, Field, ID } from 'type-graphql';
import { CollectionsErrors } from '../../../collections.errors';

/** The filter every daily dashboard takes (CCO admin § 11.1: date, agency_id, team_id, collector_id). */
@ArgsType()
export class DashboardArgs {
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD in the agency’s (or tenant’s) zone; default today.' })
  date?: string | null;

  @Field(() => ID, { nullable: true })
  agencyId?: string | null;

  @Field(() => ID, { nullable: true })
  teamId?: string | null;

  @Field(() => ID, { nullable: true })
  collectorId?: string | null;
}

/** An optional id argument as a number, or BAD_USER_INPUT naming it. */
export function optionalId(value: string | null | undefined, field: string): number | undefined {
  if (value === null || value === undefined) return undefined;
  const id = parseId(value);
  if (id === null) throw CollectionsErrors.invalidId(field);
  return id;
}

export const orgFilter = (args: { agencyId?: string | null; teamId?: string | null; collectorId?: string | null }) => ({
  agencyId: optionalId(args.agencyId, 'agencyId'),
  teamId: optionalId(args.teamId, 'teamId'),
  collectorId: optionalId(args.collectorId, 'collectorId'),
});
