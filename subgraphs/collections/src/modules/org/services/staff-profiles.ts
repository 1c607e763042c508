import { flushOrConflict } from '@platform/kit';
import type { CollectionsContext } from '../../../collections.context';
import { CollectionsErrors } from '../../../collections.errors';
import { Collector } from '../entities/collector.entity';
import { staffAccounts, type FieldNames, type NewAccount } from './staff-accounts';

type ProfileFields = Omit<Parameters<CollectionsContext['em']['create']>[1], never> & Record<string, unknown>;

export interface NewStaff {
  account: NewAccount;
  /** identity's field names → the caller's (`username` → `loginId`). */
  accountFields: FieldNames;
  /** The profile's columns (agency, team, code, name, position…); userId comes from the account. */
  profile: ProfileFields & { tenantId: number; collectorCode: string };
  codeField: string;
}

/**
 * A staff member: identity's account (through the graph, as the caller), then the collections profile in this
 * mutation's transaction. Everything collections can check is checked before the account exists; if the profile
 * still cannot be written, the account is discarded again so a retry with the same login id works.
 */
export async function createStaff(ctx: CollectionsContext, staff: NewStaff): Promise<Collector> {
  const { tenantId, collectorCode } = staff.profile;
  const taken = await ctx.em.count(Collector, { tenantId, collectorCode }, { filters: false });
  if (taken > 0) throw CollectionsErrors.duplicateCode(staff.codeField, collectorCode);
  const account = await staffAccounts.create(ctx, staff.account, staff.accountFields);
  try {
    const profile: Collector = ctx.em.create(Collector, { ...staff.profile, userId: account.id } as never);
    await flushOrConflict(ctx.em, () => CollectionsErrors.duplicateCode(staff.codeField, collectorCode));
    return profile;
  } catch (error) {
    await staffAccounts.discard(ctx, account.id);
    throw error;
  }
}
