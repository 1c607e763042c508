import { isDomainErrorCode } from '@platform/kit';
import type { WorkLog } from '../entities';
import { findWorkLog } from '../services/work-log.service';
import type { WorklogsContext } from '../worklogs.context';

/** Entity fetches from the router: a log the caller reaches, or null (never one beyond them). */
export const workLogReference = {
  async __resolveReference(ref: { id: string }, ctx: WorklogsContext): Promise<WorkLog | null> {
    if (!ctx.caller) return null;
    try {
      return await findWorkLog(ctx, String(ref.id));
    } catch (error) {
      if (isDomainErrorCode(error, 'NOT_FOUND', 'BAD_USER_INPUT')) return null;
      throw error;
    }
  },
};
