import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { ExportTask } from '../entities/export-task.entity';
import type { FilesContext } from '../files.context';
import { findTask, startExport } from '../services/export-task.service';
import { WorkLogExportFilter } from './work-log-export.filter';

@Resolver()
export class ExportTaskResolver {
  @Query(() => ExportTask, { description: 'An export task, to its requester and their tenant\u2019s admins.' })
  exportTask(@Arg('id', () => ID) id: string, @Ctx() ctx: FilesContext) {
    return findTask(ctx, id);
  }

  @Mutation(() => ExportTask, { description: 'Exports the users the caller may list (identity `users`) into an .xlsx.' })
  startUserExport(@Ctx() ctx: FilesContext) {
    return startExport(ctx, 'users', {});
  }

  @Mutation(() => ExportTask, { description: 'Exports the work logs the caller may see (worklogs `workLogExportPage`) into an .xlsx.' })
  startWorkLogExport(@Arg('filter', () => WorkLogExportFilter, { nullable: true }) filter: WorkLogExportFilter | undefined, @Ctx() ctx: FilesContext) {
    // Kept as given; the worklogs subgraph validates it when the task runs, as the requester.
    return startExport(ctx, 'workLogs', filter ? Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined && v !== null)) : {});
  }
}
