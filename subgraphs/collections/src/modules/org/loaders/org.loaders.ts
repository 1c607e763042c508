import { byKeyLoader, groupLoader } from '@platform/kit';
import type { CollectionsContext } from '../../../collections.context';
import { OPEN_CASE_STATUSES } from '../../cases/entities/case-status';
import { CollectionCase } from '../../cases/entities/collection-case.entity';
import { Queue } from '../../queues/entities/queue.entity';
import { Agency } from '../entities/agency.entity';
import { Collector } from '../entities/collector.entity';
import { TeamGroup } from '../entities/team-group.entity';
import { Team } from '../entities/team.entity';
import { countByLoader } from './count-by.loader';

/** Statuses that count a case as resolved in team and collector statistics. */
export const RESOLVED_CASE_STATUSES = ['settled', 'closed'] as const;

type Ctx = Pick<CollectionsContext, 'em' | 'loaders'>;
const get = <V>(ctx: Ctx, key: string, make: () => import('dataloader')<number, V>) => ctx.loaders.get<number, V>(`org.${key}`, make);

/** The org module's per-request loaders: one statement per tick for every relation and count a list shows. */
export const orgLoaders = {
  agencyById: (ctx: Ctx) => get(ctx, 'agencyById', () => byKeyLoader<Agency, number>(ctx.em, Agency)),
  teamGroupById: (ctx: Ctx) => get(ctx, 'teamGroupById', () => byKeyLoader<TeamGroup, number>(ctx.em, TeamGroup)),
  teamById: (ctx: Ctx) => get(ctx, 'teamById', () => byKeyLoader<Team, number>(ctx.em, Team)),
  queueById: (ctx: Ctx) => get(ctx, 'queueById', () => byKeyLoader<Queue, number>(ctx.em, Queue)),
  collectorById: (ctx: Ctx) => get(ctx, 'collectorById', () => byKeyLoader<Collector, number>(ctx.em, Collector)),
  teamsByGroup: (ctx: Ctx) => get(ctx, 'teamsByGroup', () => groupLoader<Team, number>(ctx.em, Team, 'teamGroupId')),
  collectorsByTeam: (ctx: Ctx) =>
    get(ctx, 'collectorsByTeam', () => groupLoader<Collector, number>(ctx.em, Collector, 'teamId')),
  teamCountByAgency: (ctx: Ctx) => get(ctx, 'teamCountByAgency', () => countByLoader(ctx.em, Team, 'agencyId')),
  teamCountByGroup: (ctx: Ctx) => get(ctx, 'teamCountByGroup', () => countByLoader(ctx.em, Team, 'teamGroupId')),
  collectorCountByAgency: (ctx: Ctx) =>
    get(ctx, 'collectorCountByAgency', () => countByLoader(ctx.em, Collector, 'agencyId', { position: 'collector' })),
  collectorCountByTeam: (ctx: Ctx) =>
    get(ctx, 'collectorCountByTeam', () => countByLoader(ctx.em, Collector, 'teamId', { position: 'collector' })),
  caseCountByAgency: (ctx: Ctx) => get(ctx, 'caseCountByAgency', () => countByLoader(ctx.em, CollectionCase, 'agencyId')),
  openCaseCountByAgency: (ctx: Ctx) =>
    get(ctx, 'openCaseCountByAgency', () => countByLoader(ctx.em, CollectionCase, 'agencyId', { caseStatus: { $in: [...OPEN_CASE_STATUSES] } })),
  caseCountByTeam: (ctx: Ctx) => get(ctx, 'caseCountByTeam', () => countByLoader(ctx.em, CollectionCase, 'teamId')),
  openCaseCountByTeam: (ctx: Ctx) =>
    get(ctx, 'openCaseCountByTeam', () => countByLoader(ctx.em, CollectionCase, 'teamId', { caseStatus: { $in: [...OPEN_CASE_STATUSES] } })),
  resolvedCaseCountByTeam: (ctx: Ctx) =>
    get(ctx, 'resolvedCaseCountByTeam', () => countByLoader(ctx.em, CollectionCase, 'teamId', { caseStatus: { $in: [...RESOLVED_CASE_STATUSES] } })),
  caseCountByCollector: (ctx: Ctx) => get(ctx, 'caseCountByCollector', () => countByLoader(ctx.em, CollectionCase, 'collectorId')),
  openCaseCountByCollector: (ctx: Ctx) =>
    get(ctx, 'openCaseCountByCollector', () => countByLoader(ctx.em, CollectionCase, 'collectorId', { caseStatus: { $in: [...OPEN_CASE_STATUSES] } })),
  resolvedCaseCountByCollector: (ctx: Ctx) =>
    get(ctx, 'resolvedCaseCountByCollector', () => countByLoader(ctx.em, CollectionCase, 'collectorId', { caseStatus: { $in: [...RESOLVED_CASE_STATUSES] } })),
};

/** A collections staff profile by its identity user id (User.collectorProfile). */
export const collectorByUserId = (ctx: Ctx) =>
  ctx.loaders.get<string, Collector | null>('org.collectorByUserId', () => byKeyLoader<Collector, string>(ctx.em, Collector, 'userId'));
