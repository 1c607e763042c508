import { byKeyLoader } from '@platform/kit';
import type { FilesContext } from '../files.context';
import { ExportTask } from '../entities/export-task.entity';

export const exportTaskById = (ctx: FilesContext) =>
  ctx.loaders.get('exportTaskById', () => byKeyLoader<ExportTask, string>(ctx.em, ExportTask));
