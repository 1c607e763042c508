import { byKeyLoader } from '@platform/kit';
import { WorkLog } from '../entities';
import type { WorklogsContext } from '../worklogs.context';

export const workLogById = (ctx: WorklogsContext) =>
  ctx.loaders.get('workLogById', () => byKeyLoader<WorkLog, number>(ctx.em, WorkLog));
