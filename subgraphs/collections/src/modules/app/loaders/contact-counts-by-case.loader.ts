import DataLoader from 'dataloader';
import { raw } from '@mikro-orm/core';
import type { CollectionsContext } from '../../../collections.context';
import { aggregate, num } from '../../dashboards/services/grouped';
import { CONNECTED_RESULTS } from '../../org/services/collector-performance';
import { Communication } from '../../work/entities/communication.entity';

export interface ContactCounts {
  total: number;
  effective: number;
}

/** Communications per case and those that reached someone, for a page of cases in one aggregate statement. */
export const contactCountsByCase = (ctx: CollectionsContext) =>
  ctx.loaders.get('app.contactCountsByCase', () =>
    new DataLoader<number, ContactCounts>(async (ids) => {
      const reached = raw(`sum(case when contact_result in (${CONNECTED_RESULTS.map(() => '?').join(', ')}) then 1 else 0 end) as reached`, CONNECTED_RESULTS);
      const rows = await aggregate(ctx.em, Communication, ['caseId', raw('count(*) as n'), reached], { caseId: { $in: [...new Set(ids)] } }, ['caseId']);
      const byCase = new Map(rows.map((r) => [Number(r.caseId), { total: num(r.n), effective: num(r.reached) }]));
      return ids.map((id) => byCase.get(id) ?? { total: 0, effective: 0 });
    }),
  );
