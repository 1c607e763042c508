import DataLoader from 'dataloader';
import { recordDomainEvent } from '@platform/kit';
import type { CollectionsContext } from '../../../collections.context';
import type { CollectionCase } from '../entities/collection-case.entity';
import { canSeePersonalData } from './personal-data.mask';

/**
 * Every unmasked read of a case's personal data lands in the audit trail (action `view_personal_data`): one entry per
 * tenant per request tick, naming the cases read, however many fields and cases the query asked for. Batched through
 * a DataLoader so a page of 100 cases costs one insert, not 100.
 */
function personalDataReads(ctx: CollectionsContext) {
  return ctx.loaders.get('personalDataReads', () =>
    new DataLoader<CollectionCase, true, number>(async (cases) => {
      const byTenant = new Map<number, number[]>();
      for (const c of cases) byTenant.set(c.tenantId, [...new Set([...(byTenant.get(c.tenantId) ?? []), c.id])]);
      for (const [tenantId, caseIds] of byTenant) {
        recordDomainEvent(ctx, {
          source: 'collections',
          tenantId,
          action: 'view_personal_data',
          resourceType: 'case',
          resourceId: caseIds.length === 1 ? caseIds[0] : 'cases',
          after: { case_ids: caseIds },
          summary: `查看案件个人信息 ${caseIds.length} 件`,
        });
      }
      await ctx.em.flush();
      return cases.map(() => true as const);
    }, { cacheKeyFn: (c) => c.id }),
  );
}

/** The value unmasked (and audited) for a caller who may see it, else masked; null stays null. */
export async function personalField(
  ctx: CollectionsContext,
  row: CollectionCase,
  value: string | null | undefined,
  mask: (value: string) => string,
): Promise<string | null> {
  if (value === null || value === undefined || value === '') return value ?? null;
  if (!canSeePersonalData(ctx.caller)) return mask(value);
  await personalDataReads(ctx).load(row);
  return value;
}
