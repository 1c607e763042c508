import type { EntityName } from '@mikro-orm/core';
import { badInput, notFound, requireId } from '@platform/kit';
import type { CollectionsContext } from '../../../collections.context';
import { CollectionsErrors } from '../../../collections.errors';
import { Collector } from '../../org/entities/collector.entity';
import { Team } from '../../org/entities/team.entity';
import { inScope, type CollectionsScope, type ScopeColumns } from '../../org/services/scope';
import { Queue } from '../../queues/entities/queue.entity';
import { CollectionCase } from '../entities/collection-case.entity';
import { OPEN_CASE_STATUSES } from '../entities/case-status';

/**
 * What an assignment names, read and checked once. The object written (a case; the team auto-assign fills) must be
 * the caller's: absent → 404, another tenant's → 403, outside the caller's data scope → 403. An object it only
 * refers to (the collector, the queue) must be in the same tenant (else 404, as for anything one cannot see) and
 * in scope (else 403).
 */

const COLLECTOR_COLUMNS: ScopeColumns = { agencyId: 'agencyId', teamGroupId: 'teamGroupId', teamId: 'teamId', collectorId: 'id' };
const TEAM_COLUMNS: ScopeColumns = { agencyId: 'agencyId', teamGroupId: 'teamGroupId', teamId: 'id' };

async function target<E extends { id: number }>(
  ctx: CollectionsContext,
  entity: EntityName<E>,
  type: string,
  id: number,
): Promise<E> {
  const row = await ctx.em.findOne(entity, { id } as never);
  if (row) return row;
  // Told apart only to answer "not yours" rather than "absent" for a write (decisions.md).
  const elsewhere = await ctx.em.count(entity, { id } as never, { filters: false });
  throw elsewhere ? CollectionsErrors.otherTenant() : notFound(type, id);
}

/** The case to assign or transfer: the caller's, and still worked (a settled or closed case is not assignable). */
export async function caseToAssign(ctx: CollectionsContext, scope: CollectionsScope, rawId: string): Promise<CollectionCase> {
  const found = await target(ctx, CollectionCase, 'Case', requireId(rawId, 'caseId'));
  if (!inScope(scope, found)) throw CollectionsErrors.outOfScope();
  if (!OPEN_CASE_STATUSES.includes(found.caseStatus)) {
    throw badInput('caseId', `case ${found.caseCode} is ${found.caseStatus} and cannot be assigned`);
  }
  return found;
}

/** The team auto-assign fills: the caller's. */
export async function teamToFill(ctx: CollectionsContext, scope: CollectionsScope, rawId: string): Promise<Team> {
  const team = await target(ctx, Team, 'Team', requireId(rawId, 'teamId'));
  if (!inScope(scope, team, TEAM_COLUMNS)) throw CollectionsErrors.outOfScope();
  if (!team.isActive) throw badInput('teamId', `team ${team.teamCode} is not active`);
  return team;
}

/** The queue auto-assign draws from, in the team's tenant. */
export async function queueOf(ctx: CollectionsContext, tenantId: number, rawId: string): Promise<Queue> {
  const id = requireId(rawId, 'queueId');
  const queue = await ctx.em.findOne(Queue, { id, tenantId });
  if (!queue) throw notFound('Queue', id);
  return queue;
}

/**
 * The collector a case goes to: in the case's tenant and the caller's scope, a collector (not a leader's profile),
 * at work, and with room for one more case.
 */
export async function collectorToReceive(
  ctx: CollectionsContext,
  scope: CollectionsScope,
  tenantId: number,
  rawId: string,
  field: string,
): Promise<Collector> {
  const id = requireId(rawId, field);
  const collector = await ctx.em.findOne(Collector, { id, tenantId });
  if (!collector) throw notFound('Collector', id);
  if (!inScope(scope, collector, COLLECTOR_COLUMNS)) throw CollectionsErrors.outOfScope();
  if (collector.position !== 'collector') throw badInput(field, `${collector.collectorCode} is a ${collector.position}, not a collector`);
  if (collector.status !== 'active' || !collector.isActive) {
    throw badInput(field, `collector ${collector.collectorCode} is not active (${collector.isActive ? collector.status : 'disabled'})`);
  }
  if (collector.currentCaseCount >= collector.maxCaseCount) {
    throw badInput(field, `collector ${collector.collectorCode} is full (${collector.currentCaseCount}/${collector.maxCaseCount} cases)`);
  }
  return collector;
}
