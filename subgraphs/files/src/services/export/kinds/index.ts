import type { ExportKind } from '../export-kind';
import { usersExport } from './users.kind';
import { workLogsExport } from './work-logs.kind';

/** Every export kind, by name (the task's `kind`). */
export const EXPORT_KINDS = new Map<string, ExportKind>([
  [usersExport.name, usersExport],
  [workLogsExport.name, workLogsExport],
]);

/** Tests add their own kinds (a synthetic 50,000-row one); production adds kinds in this file. */
export function registerExportKind(kind: ExportKind): void {
  EXPORT_KINDS.set(kind.name, kind);
}
