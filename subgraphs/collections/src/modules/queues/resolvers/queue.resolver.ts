import { can, PageType, pageWindow, toPage } from '@platform/kit';
import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { CollectionsContext } from '../../../collections.context';
import { readTenant } from '../../config/services/tenant-target';
import { Queue } from '../entities/queue.entity';
import { queueCaseCounts } from '../loaders/queue-case-counts.loader';
import * as queues from '../services/queue.service';
import { QueueConfig } from './queue-config.types';
import { CreateQueueInput, QueuesArgs, SetQueueFieldConfigInput } from './queue.inputs';

export const QueuePage = PageType(Queue);

@Resolver(() => Queue)
export class QueueResolver {
  @Query(() => QueuePage, { description: 'Queues by sort order; the super admin sees every tenant unless naming one.' })
  async queues(@Args(() => QueuesArgs) args: QueuesArgs, @Ctx() ctx: CollectionsContext) {
    const tenantId = readTenant(ctx, args.tenantId);
    const window = args.window();
    const where = { ...(tenantId === null ? {} : { tenantId }), ...(args.isActive == null ? {} : { isActive: args.isActive }) };
    const [items, total] = await ctx.em.findAndCount(Queue, where, { orderBy: { sortOrder: 'asc', id: 'asc' }, ...pageWindow(window) });
    return toPage(items, total, window);
  }

  @Query(() => QueueConfig, { nullable: true, description: 'A queue’s field configuration, or its default when it has none; null for a queue not in reach.' })
  async queueConfig(@Arg('queueId', () => ID) queueId: string, @Ctx() ctx: CollectionsContext) {
    const queue = await queues.findQueue(ctx, queueId);
    return queue ? queues.queueConfig(ctx, queue) : null;
  }

  @Mutation(() => Queue, { description: 'Creates a queue; an active queue’s overdue range may not overlap another active queue of the tenant.' })
  createQueue(@Arg('input', () => CreateQueueInput) input: CreateQueueInput, @Ctx() ctx: CollectionsContext) {
    return queues.createQueue(ctx, input);
  }

  @Mutation(() => QueueConfig, { description: 'Replaces a queue’s field configuration (standard fields); an empty list returns it to the default.' })
  setQueueFieldConfig(@Arg('input', () => SetQueueFieldConfigInput) input: SetQueueFieldConfigInput, @Ctx() ctx: CollectionsContext) {
    return queues.setQueueFieldConfig(ctx, input.queueId, input.fields);
  }

  @FieldResolver(() => Int, { description: 'Open cases in the queue within the caller’s data scope.' })
  async caseCount(@Root() queue: Queue, @Ctx() ctx: CollectionsContext) {
    return (await queueCaseCounts(ctx).load(queue.id)).cases;
  }

  @FieldResolver(() => Int, { description: 'Of caseCount, those with a collector.' })
  async assignedCount(@Root() queue: Queue, @Ctx() ctx: CollectionsContext) {
    return (await queueCaseCounts(ctx).load(queue.id)).assigned;
  }

  @FieldResolver(() => Int, { description: 'Of caseCount, those without a collector.' })
  async unassignedCount(@Root() queue: Queue, @Ctx() ctx: CollectionsContext) {
    const counts = await queueCaseCounts(ctx).load(queue.id);
    return counts.cases - counts.assigned;
  }
}

export const queueRules = {
  Query: { queues: can('queues:view'), queueConfig: can('queues:view') },
  Mutation: { createQueue: can('queues:create'), setQueueFieldConfig: can('queues:update') },
};
