import type { FilterQuery } from '@mikro-orm/core';
import { pageWindow, toPage, type PageWindow } from '@platform/kit';
import type { CollectionsContext } from '../../../collections.context';
import type { CollectionCase } from '../../cases/entities/collection-case.entity';
import { Communication } from '../../work/entities/communication.entity';
import { caseInReach } from '../../work/services/case-reach';

/**
 * A case the app may show or act on. The collector app document answers 403 (禁止访问（无权限访问该案件）) for a case
 * of another collector, for reading as for acting; an unknown id or another tenant's case is 404.
 */
export const appCase = (ctx: CollectionsContext, caseId: string): Promise<CollectionCase> => caseInReach(ctx, caseId, 'write');

/** A case's communications, newest first, optionally of one method and result. */
export async function appCaseCommunications(
  ctx: CollectionsContext,
  args: { caseId: string; contactMethod?: string; contactResult?: string },
  window: PageWindow,
) {
  const found = await appCase(ctx, args.caseId);
  const where: FilterQuery<Communication> = { caseId: found.id };
  if (args.contactMethod) Object.assign(where, { contactMethod: args.contactMethod });
  if (args.contactResult) Object.assign(where, { contactResult: args.contactResult });
  const [items, total] = await ctx.em.findAndCount(Communication, where, { orderBy: { contactTime: 'desc', id: 'desc' }, ...pageWindow(window) });
  return toPage(items, total, window);
}
