import 'reflect-metadata';

export { filesConfigSchema, loadFilesConfig, type FilesConfig } from './config';
export type { FilesContext, FilesServices } from './files.context';
export { FilesErrors } from './files.errors';
export { files, files as subgraph, type FilesDeps, type FilesRuntime } from './files.subgraph';
export { FILES_ENTITIES } from './entities';
export { ExportTask, TaskStatus } from './entities/export-task.entity';
export { FileCategory, StoredFile } from './entities/stored-file.entity';
export { listen } from './main';
export { permissions } from './permissions';
export { registerFileReadRule, type FileReadRule } from './services/file-access';
export { MAX_UPLOAD_BYTES, stagingPrefix } from './services/file.service';
export type { ExportColumn, ExportKind, ExportPage, PageCursor, RunAsRequester } from './services/export/export-kind';
export { registerExportKind } from './services/export/kinds';
