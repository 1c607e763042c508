import { LockMode, UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/core';
import { PartnerPushBatch } from '../entities/partner-push-batch.entity';

/**
 * Claims a batch number before anything of the batch is applied: its row is inserted (in a savepoint of the
 * mutation's transaction) and held until the mutation commits. A concurrent push of the same number waits on the
 * unique key, then finds it taken and reads the first result once that commits (a locking read sees past the
 * transaction's snapshot); a later one finds it at once.
 */
export async function claimBatch(em: EntityManager, tenantId: number, pushBatchNo: string): Promise<{ claimed: true } | { claimed: false; first: PartnerPushBatch }> {
  const seen = await em.findOne(PartnerPushBatch, { tenantId, pushBatchNo });
  if (seen) return { claimed: false, first: seen };
  try {
    await em.transactional(async (tx) => {
      tx.create(PartnerPushBatch, { tenantId, pushBatchNo, receivedAt: new Date(), total: 0, success: 0, failed: 0, errors: [] });
      await tx.flush();
    });
    return { claimed: true };
  } catch (error) {
    if (!(error instanceof UniqueConstraintViolationException)) throw error;
    const first = await em.findOne(PartnerPushBatch, { tenantId, pushBatchNo }, { lockMode: LockMode.PESSIMISTIC_READ, refresh: true });
    if (!first) throw error;
    return { claimed: false, first };
  }
}
