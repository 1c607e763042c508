import { byKeyLoader } from '@platform/kit';
import type { CollectionsContext } from '../../../collections.context';
import { Agency } from '../../org/entities/agency.entity';
import { Collector } from '../../org/entities/collector.entity';
import { Team } from '../../org/entities/team.entity';
import { Queue } from '../../queues/entities/queue.entity';

/** Where a case sits (its queue, agency, team, collector), one statement per kind per tick for a whole page. */
export const queueById = (ctx: CollectionsContext) => ctx.loaders.get('cases.queueById', () => byKeyLoader<Queue, number>(ctx.em, Queue));
export const agencyById = (ctx: CollectionsContext) => ctx.loaders.get('cases.agencyById', () => byKeyLoader<Agency, number>(ctx.em, Agency));
export const teamById = (ctx: CollectionsContext) => ctx.loaders.get('cases.teamById', () => byKeyLoader<Team, number>(ctx.em, Team));
export const collectorById = (ctx: CollectionsContext) =>
  ctx.loaders.get('cases.collectorById', () => byKeyLoader<Collector, number>(ctx.em, Collector));
