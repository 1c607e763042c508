import { unauthenticated, type Caller, type ObjectStorage, type SubgraphContext } from '@platform/kit';
import type { FilesConfig } from './config';
import type { ExportQueue } from './services/export/export-queue';

export interface FilesServices {
  config: FilesConfig;
  storage: ObjectStorage;
  exports: ExportQueue;
}

export type FilesContext = SubgraphContext<FilesServices>;

/** The signed-in caller; the shield has usually refused anonymous callers already. */
export function callerOf(ctx: { caller: Caller | null }): Caller {
  if (!ctx.caller) throw unauthenticated();
  return ctx.caller;
}
