import { afterCommit, ownTenantId } from '@platform/kit';
import { ExportTask } from '../entities/export-task.entity';
import { FilesErrors } from '../files.errors';
import { callerOf, type FilesContext } from '../files.context';
import { exportTaskById } from '../loaders/export-task-by-id.loader';
import { EXPORT_KINDS } from './export/kinds';
import { isTenantAdmin } from './file-access';

/** Records a pending export of `kind` as the caller and queues it once the record is committed. */
export async function startExport(ctx: FilesContext, kind: string, filter: Record<string, unknown>): Promise<ExportTask> {
  if (!EXPORT_KINDS.has(kind)) throw FilesErrors.unknownKind(kind);
  const caller = callerOf(ctx);
  const task = ctx.em.create(ExportTask, { tenantId: ownTenantId(ctx), ownerId: caller.userId, kind, filter, requester: caller });
  // Queued after the commit: a worker never looks for a task that is not there yet (or was rolled back).
  await afterCommit(ctx, () => ctx.services.exports.enqueue(task.id));
  return task;
}

/** The task to its requester and their tenant's admins; anyone else's (or none) is NOT_FOUND. */
export async function findTask(ctx: FilesContext, id: string, opts: { ownerOnly?: boolean } = {}): Promise<ExportTask> {
  const caller = callerOf(ctx);
  const task = await exportTaskById(ctx).load(id);
  const allowed = task && (task.ownerId === caller.userId || (!opts.ownerOnly && isTenantAdmin(caller)));
  if (!allowed) throw FilesErrors.taskNotFound(id);
  return task;
}
