import { PageType, pageWindow, recordEvent, toPage, type PageWindow } from '@platform/kit';
import { tenantZone } from '../../config/services/tenant-day';
import type { CollectionsContext } from '../../../collections.context';
import { Communication } from '../entities/communication.entity';
import type { RecordCommunicationInput } from '../resolvers/work.inputs';
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

/**
 * Records a contact on a case in reach, by the caller (their staff profile's agency and team, for dashboards); the
 * case's last contact and the caller's last activity move with it. An app's retried write (same clientId) answers
 * the first record.
 */
export async function recordCommunication(ctx: CollectionsContext, input: RecordCommunicationInput): Promise<Communication> {
  const found = await caseInReach(ctx, input.caseId, 'write');
  if (input.clientId) {
    const earlier = await ctx.em.findOne(Communication, { tenantId: found.tenantId, clientId: input.clientId });
    if (earlier) return earlier;
  }
  const profile = await callerProfile(ctx);
  const zone = await tenantZone(ctx.em, found.tenantId);
  const now = new Date();
  const contactTime = input.contactTime ? parseLocalOrIso(input.contactTime, zone, 'contactTime') : now;
  const communication = ctx.em.create(Communication, {
    tenantId: found.tenantId,
    caseId: found.id,
    collectorId: profile?.id ?? null,
    agencyId: profile?.agencyId ?? found.agencyId ?? null,
    teamId: profile?.teamId ?? found.teamId ?? null,
    contactMethod: input.contactMethod,
    contactPhone: input.contactPhone ?? null,
    contactResult: input.contactResult,
    contactPerson: input.contactPerson ?? null,
    communicationContent: input.communicationContent ?? null,
    callDurationSeconds: input.callDurationSeconds ?? null,
    tags: input.tags ?? [],
    nextFollowUpAt: input.nextFollowUpAt ? parseLocalOrIso(input.nextFollowUpAt, zone, 'nextFollowUpAt') : null,
    contactTime,
    clientId: input.clientId ?? null,
  });
  if (!found.lastContactAt || found.lastContactAt < contactTime) found.lastContactAt = contactTime;
  if (profile) profile.lastActivityAt = now;
  await ctx.em.flush();
  // For the case's tenant's core system (partner § 4.1); the row itself is the audit record.
  recordEvent(ctx.em, {
    topic: 'communication.recorded',
    tenantId: found.tenantId,
    aggregateId: found.id,
    payload: { communicationId: communication.id, caseId: found.id, caseCode: found.caseCode },
  });
  await ctx.em.flush();
  return communication;
}
