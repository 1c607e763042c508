import type { EntityManager } from '@mikro-orm/core';
import { ForeignRef, type NoticeRecipients } from '@platform/kit';
import { Membership, RecipientRole, RecipientUser } from '../entities/recipient-user.entity';

/**
 * The users of one tenant a notice reaches, from activity's own projections of other subgraphs' facts (identity's
 * users and roles, the collections subgraph's memberships): never another subgraph's tables. Users unknown in
 * the tenant, deleted or inactive are left out; the answer is sorted and without duplicates.
 */
export async function resolveRecipients(em: EntityManager, tenantId: number, recipients: NoticeRecipients): Promise<string[]> {
  const candidates = new Set<string>((recipients.userIds ?? []).map(String));
  const roles = recipients.roles ?? [];
  if (roles.length) {
    const rows = await em.find(RecipientRole, { tenantId, roleCode: { $in: roles } });
    for (const row of rows) candidates.add(row.userId);
  }
  const teamIds = (recipients.teamIds ?? []).map(String);
  const agencyIds = (recipients.agencyIds ?? []).map(String);
  if (teamIds.length || agencyIds.length) {
    const rows = await em.find(Membership, {
      tenantId,
      $or: [...(teamIds.length ? [{ teamId: { $in: teamIds } }] : []), ...(agencyIds.length ? [{ agencyId: { $in: agencyIds } }] : [])],
    });
    for (const row of rows) candidates.add(row.userId);
  }
  if (!candidates.size) return [];
  const ids = [...candidates];
  const known = await em.find(ForeignRef, { entity: 'User', refId: { $in: ids }, present: true, tenantId: String(tenantId) });
  const inactive = new Set(
    (await em.find(RecipientUser, { userId: { $in: ids }, active: false })).map((u) => u.userId),
  );
  return known
    .map((ref) => ref.refId)
    .filter((id) => !inactive.has(id))
    .sort((a, b) => Number(a) - Number(b) || a.localeCompare(b));
}
