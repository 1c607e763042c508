import { eventEntities } from '@platform/kit';
import { ExportTask } from './export-task.entity';
import { StoredFile } from './stored-file.entity';

export const FILES_ENTITIES = [StoredFile, ExportTask, ...eventEntities];
