import { flushOrConflict, parseId } from '@platform/kit';
import type { CollectionsContext } from '../../../collections.context';
import { CollectionsErrors } from '../../../collections.errors';
import { writeTenant } from '../../config/services/tenant-target';
import { assertFieldKeys, defaultFieldConfig } from '../../fields/services/field-display.service';
import { QueueFieldConfig } from '../entities/queue-field-config.entity';
import { Queue } from '../entities/queue.entity';
import type { QueueConfig } from '../resolvers/queue-config.types';
import type { CreateQueueInput, QueueFieldConfigInput } from '../resolvers/queue.inputs';
import { assertRangeFree } from './queue-ranges';

export async function createQueue(ctx: CollectionsContext, input: CreateQueueInput): Promise<Queue> {
  const tenantId = writeTenant(ctx, input.tenantId);
  const isActive = input.isActive ?? true;
  const range = { start: input.overdueDaysStart, end: input.overdueDaysEnd ?? null };
  if (await ctx.em.count(Queue, { tenantId, queueCode: input.queueCode })) throw CollectionsErrors.duplicateCode('queueCode', input.queueCode);
  // An inactive queue holds no cases, so only an active one must keep clear of the others.
  await assertRangeFree(ctx.em, tenantId, range, { againstOthers: isActive });
  const queue = ctx.em.create(Queue, {
    tenantId,
    queueCode: input.queueCode,
    queueName: input.queueName,
    queueNameEn: input.queueNameEn ?? null,
    queueDescription: input.queueDescription ?? null,
    overdueDaysStart: range.start,
    overdueDaysEnd: range.end,
    sortOrder: input.sortOrder ?? 0,
    isActive,
  });
  await flushOrConflict(ctx.em, () => CollectionsErrors.duplicateCode('queueCode', input.queueCode));
  return queue;
}

/** A queue by id in the caller's tenant (any tenant for the super admin), or null. */
export function findQueue(ctx: CollectionsContext, id: string): Promise<Queue | null> {
  const queueId = parseId(id);
  return queueId === null ? Promise.resolve(null) : ctx.em.findOne(Queue, { id: queueId });
}

export async function queueConfig(ctx: CollectionsContext, queue: Queue): Promise<QueueConfig> {
  const own = await ctx.em.find(QueueFieldConfig, { tenantId: queue.tenantId, queueId: queue.id }, { orderBy: { sortOrder: 'asc', id: 'asc' } });
  const base = { queueId: queue.id, queueName: queue.queueName };
  if (own.length) return { ...base, source: 'queue', fieldConfigs: own };
  const fallback = await defaultFieldConfig(ctx.em, queue.tenantId);
  return { ...base, source: fallback.source, fieldConfigs: fallback.fields };
}

/** Replaces a queue's field configuration (an empty list returns it to the default). */
export async function setQueueFieldConfig(ctx: CollectionsContext, id: string, fields: QueueFieldConfigInput[]): Promise<QueueConfig> {
  const queue = await findQueue(ctx, id);
  if (!queue) throw CollectionsErrors.notFound('Queue', id);
  await assertFieldKeys(ctx.em, fields.map((f) => ({ fieldKey: f.fieldKey, fieldSource: 'standard' })));
  await ctx.em.nativeDelete(QueueFieldConfig, { tenantId: queue.tenantId, queueId: queue.id });
  fields.forEach((f, i) =>
    ctx.em.create(QueueFieldConfig, {
      tenantId: queue.tenantId,
      queueId: queue.id,
      fieldKey: f.fieldKey,
      isVisible: f.isVisible,
      isRequired: f.isRequired,
      sortOrder: f.sortOrder ?? i + 1,
    }),
  );
  await ctx.em.flush();
  return queueConfig(ctx, queue);
}
