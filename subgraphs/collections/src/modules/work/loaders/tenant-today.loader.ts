import DataLoader from 'dataloader';
import type { CollectionsContext } from '../../../collections.context';
import { dayIn, tenantZone } from '../../config/services/tenant-day';

/** Today (`YYYY-MM-DD`) on a tenant's calendar, read once per tenant and request. */
export const tenantToday = (ctx: CollectionsContext) =>
  ctx.loaders.get('work.tenantToday', () =>
    new DataLoader<number, string>((tenantIds) => Promise.all(tenantIds.map(async (id) => dayIn(await tenantZone(ctx.em, id))))),
  );
