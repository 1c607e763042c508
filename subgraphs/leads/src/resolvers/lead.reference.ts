import { parseId } from '@platform/kit';
import { callerOf, type LeadsContext } from '../leads.context';
import type { Lead } from '../entities/lead.entity';
import { leadById } from '../loaders/lead-by-id.loader';
import { canSee } from '../services/lead-visibility';

/** Entity fetches from the router, batched: a lead the caller may see, or null (never anyone else's). */
export const leadReference = {
  async __resolveReference(ref: { id: string }, ctx: LeadsContext): Promise<Lead | null> {
    const id = parseId(String(ref.id));
    if (id === null) return null;
    const lead = await leadById(ctx).load(id);
    return lead && canSee(callerOf(ctx), lead) ? lead : null;
  },
};
