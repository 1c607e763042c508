import { LockMode, UniqueConstraintViolationException } from '@mikro-orm/core';
import { conflict, PageType, pageWindow, recordEvent, toPage, type PageWindow } from '@platform/kit';
import { tenantZone } from '../../config/services/tenant-day';
import type { CollectionsContext } from '../../../collections.context';
import type { CollectionCase } from '../../cases/entities/collection-case.entity';
import type { Collector } from '../../org/entities/collector.entity';
import { Communication } from '../entities/communication.entity';
import type { RecordCommunicationInput } from '../resolvers/work.inputs';
import { caseNumber } from '../../app/services/contact-number';
import { caseInReach } from './case-reach';
import { callerProfile } from './staff';
import { parseLocalOrIso } from './times';

export const CommunicationPage = PageType(Communication);

/** A case's communications, newest first. */
export async function caseCommunications(ctx: CollectionsContext, caseId: string, window: PageWindow) {
  const found = await caseInReach(ctx, caseId, 'read');
  const [items, total] = await ctx.em.findAndCount(
    Communication,
    { caseId: found.id },
    { orderBy: { contactTime: 'desc', id: 'desc' }, ...pageWindow(window) },
  );
  return toPage(items, total, window);
}

/** A provider step run once the record is claimed (and only then): it may fill in the provider's id and status. */
export type Dispatch = (communication: Communication, found: CollectionCase) => Promise<void>;

export interface RecordedCommunication {
  communication: Communication;
  /** The same clientId was recorded before: this is that first record, and nothing was sent or written again. */
  replayed: boolean;
}

/**
 * Records a contact on a case in reach, by the caller (their staff profile's agency and team, for dashboards); the
 * case's last contact and the caller's last activity move with it, and `communication.recorded` feeds the write-back
 * to the tenant's core system. An app's retried write (same clientId from the same collector) answers the first
 * record and changes nothing; `dispatch` (a provider call) runs only for a new record, after the row has claimed the
 * clientId, so concurrent retries never send twice.
 */
export async function recordCommunication(ctx: CollectionsContext, input: RecordCommunicationInput, dispatch?: Dispatch): Promise<RecordedCommunication> {
  const found = await caseInReach(ctx, input.caseId, 'write');
  const profile = await callerProfile(ctx);
  const key = { tenantId: found.tenantId, collectorId: profile?.id ?? null, clientId: input.clientId ?? null };
  if (input.clientId) {
    const earlier = await ctx.em.findOne(Communication, key);
    if (earlier) return { communication: sameCase(earlier, found), replayed: true };
  }
  const zone = await tenantZone(ctx.em, found.tenantId);
  const contactTime = input.contactTime ? parseLocalOrIso(input.contactTime, zone, 'contactTime') : new Date();
  const communication = ctx.em.create(Communication, {
    ...key,
    caseId: found.id,
    agencyId: profile?.agencyId ?? found.agencyId ?? null,
    teamId: profile?.teamId ?? found.teamId ?? null,
    contactMethod: input.contactMethod,
    contactPhone: input.contactPhone ? await caseNumber(ctx, found, input.contactPhone, 'contactPhone') : null,
    contactResult: input.contactResult,
    contactPerson: input.contactPerson ?? null,
    communicationContent: input.communicationContent ?? null,
    callDurationSeconds: input.callDurationSeconds ?? null,
    audioUrl: input.audioUrl ?? null,
    tags: input.tags ?? [],
    nextFollowUpAt: input.nextFollowUpAt ? parseLocalOrIso(input.nextFollowUpAt, zone, 'nextFollowUpAt') : null,
    contactTime,
  });
  const first = await claim(ctx, communication, key);
  if (first) return { communication: sameCase(first, found), replayed: true };
  if (dispatch) await dispatch(communication, found);
  touch(found, profile, contactTime);
  await ctx.em.flush();
  // For the case's tenant's core system (partner § 4.1); the row itself is the audit record.
  recordEvent(ctx.em, {
    topic: 'communication.recorded',
    tenantId: found.tenantId,
    aggregateId: found.id,
    payload: { communicationId: communication.id, caseId: found.id, caseCode: found.caseCode },
  });
  await ctx.em.flush();
  return { communication, replayed: false };
}

/**
 * Inserts the row alone, so its unique (tenant, collector, clientId) index decides between concurrent retries: the
 * losers' inserts wait for the winner's commit and fail; each then answers the winner's row, read past its snapshot
 * with a shared lock. Not an exclusive one: every loser already holds a shared lock on that key from its failed
 * insert, so two losers asking for exclusive locks would deadlock each other.
 */
async function claim(ctx: CollectionsContext, communication: Communication, key: object): Promise<Communication | null> {
  try {
    await ctx.em.flush();
    return null;
  } catch (error) {
    if (!(error instanceof UniqueConstraintViolationException)) throw error;
    ctx.em.clear();
    const first = await ctx.em.findOne(Communication, key, { lockMode: LockMode.PESSIMISTIC_READ, refresh: true });
    if (!first) throw error;
    return first;
  }
}

/** A clientId names one write: reused for another case it is a client's mistake, not a retry. */
function sameCase(earlier: Communication, found: CollectionCase): Communication {
  if (earlier.caseId !== found.id) throw conflict('clientId was already used for a communication of another case', { field: 'clientId', reason: 'CLIENT_ID_REUSED' });
  return earlier;
}

function touch(found: CollectionCase, profile: Collector | null, contactTime: Date): void {
  if (!found.lastContactAt || found.lastContactAt < contactTime) found.lastContactAt = contactTime;
  if (profile) profile.lastActivityAt = new Date();
}
