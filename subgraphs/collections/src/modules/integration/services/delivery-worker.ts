import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import type { Logger } from '@platform/kit';
import { IntegrationDelivery } from '../entities/integration-delivery.entity';
import { TenantIntegration } from '../entities/tenant-integration.entity';
import { backoffDelay, type BackoffPolicy } from './backoff';
import { CoreCallError, type CoreClient } from './core-client';

export interface DeliveryPolicy {
  backoff: BackoffPolicy;
  /** After this many failed tries a delivery is `failed` and its case's next one may go. */
  maxAttempts: number;
  /** Rows looked at per run. */
  batchSize: number;
  /** How long a claim holds a row against other instances (longer than a call's timeout). */
  leaseMs: number;
}

/**
 * One run of the delivery worker: the due head of each case's queue (its oldest pending delivery, when it is due)
 * is claimed, sent and recorded. Later deliveries of a case wait while an earlier one is pending, so a case's
 * write-backs reach the core in order. Claims are conditional updates (one row changes for exactly one instance),
 * so several collections instances share the table safely. `em` is a platform-scope EntityManager. Answers how many
 * deliveries were sent successfully.
 */
export async function deliverDue(em: EntityManager, client: CoreClient, policy: DeliveryPolicy, logger: Logger, now = new Date()): Promise<number> {
  const due = await em.find(
    IntegrationDelivery,
    { status: 'pending', nextAttemptAt: { $lte: now }, $or: [{ claimedUntil: null }, { claimedUntil: { $lt: now } }] },
    { orderBy: { id: 'asc' }, limit: policy.batchSize, fields: ['id', 'tenantId', 'caseId'] },
  );
  if (!due.length) return 0;
  const heads = await queueHeads(em, due);
  // One read of a tenant's integration a run, however many of its cases have a delivery due.
  const integrations = new Map<number, Promise<TenantIntegration | null>>();
  const integrationOf = (tenantId: number) => {
    let found = integrations.get(tenantId);
    if (!found) integrations.set(tenantId, (found = em.findOne(TenantIntegration, { tenantId }, { populate: ['secretCiphertext'] })));
    return found;
  };
  let delivered = 0;
  for (const candidate of due.filter((d) => heads.has(d.id))) {
    const token = await claim(em, candidate.id, now, policy.leaseMs);
    if (!token) continue;
    if (await sendClaimed(em, client, policy, logger, candidate.id, token, integrationOf)) delivered++;
  }
  em.clear();
  return delivered;
}

/** The oldest pending delivery of each case among `rows`. */
async function queueHeads(em: EntityManager, rows: readonly { caseId: number }[]): Promise<Set<number>> {
  const pending = await em.find(
    IntegrationDelivery,
    { status: 'pending', caseId: { $in: [...new Set(rows.map((r) => r.caseId))] } },
    { orderBy: { id: 'asc' }, fields: ['id', 'tenantId', 'caseId'] },
  );
  const first = new Map<string, number>();
  for (const p of pending) {
    const key = `${p.tenantId}/${p.caseId}`;
    if (!first.has(key)) first.set(key, p.id);
  }
  return new Set(first.values());
}

async function claim(em: EntityManager, id: number, now: Date, leaseMs: number): Promise<string | null> {
  const token = randomUUID();
  const claimed = await em.nativeUpdate(
    IntegrationDelivery,
    { id, status: 'pending', $or: [{ claimedUntil: null }, { claimedUntil: { $lt: now } }] },
    { claimedUntil: new Date(now.getTime() + leaseMs), claimToken: token },
  );
  return claimed === 1 ? token : null;
}

async function sendClaimed(
  em: EntityManager,
  client: CoreClient,
  policy: DeliveryPolicy,
  logger: Logger,
  id: number,
  token: string,
  integrationOf: (tenantId: number) => Promise<TenantIntegration | null>,
): Promise<boolean> {
  const row = await em.findOneOrFail(IntegrationDelivery, { id }, { refresh: true });
  const integration = await integrationOf(row.tenantId);
  const attempts = row.attempts + 1;
  const record = (changes: Partial<IntegrationDelivery>) =>
    em.nativeUpdate(IntegrationDelivery, { id, claimToken: token }, { ...changes, claimedUntil: null, claimToken: null });
  if (!integration) {
    await record({ status: 'failed', lastError: 'the tenant has no integration any more' });
    return false;
  }
  try {
    await client.call(integration, 'POST', row.targetPath, row.body);
    await record({ status: 'delivered', attempts, deliveredAt: new Date(), lastError: null });
    return true;
  } catch (error) {
    if (!(error instanceof CoreCallError)) throw error;
    // An open circuit is this instance holding back, not a try: the row waits without spending an attempt.
    const spent = error.reason === 'circuit_open' ? row.attempts : attempts;
    const giveUp = !error.retryable || spent >= policy.maxAttempts;
    const retryAt = new Date(Date.now() + backoffDelay(Math.max(spent, 1), policy.backoff));
    await record({ status: giveUp ? 'failed' : 'pending', attempts: spent, lastError: error.message, nextAttemptAt: giveUp ? row.nextAttemptAt : retryAt });
    logger.warn({ deliveryId: id, tenantId: row.tenantId, attempts: spent, reason: error.reason, giveUp }, 'write-back to the core system failed');
    return false;
  }
}
