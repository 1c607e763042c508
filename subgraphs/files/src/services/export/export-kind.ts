/** One column of an export: its header and how a row's value is read from an item of the query. */
export interface ExportColumn {
  header: string;
  key: string;
  width?: number;
  value(item: Record<string, unknown>): string | number | boolean | Date | null;
}

/** What one page of a kind's query answered. */
export interface ExportPage {
  total: number;
  items: Record<string, unknown>[];
}

/** Runs one operation through the router as the export's requester; answers `data` or throws the first error. */
export type RunAsRequester = (query: string, variables: Record<string, unknown>) => Promise<Record<string, unknown>>;

/** Where the next page starts: keyset kinds read `afterId`, page-numbered ones `page` (1, 2, …). */
export interface PageCursor {
  page: number;
  afterId: string | null;
}

/**
 * An export kind: a GraphQL query paged through AS THE REQUESTER (so the owning domain's visibility rules decide
 * what lands in the file) and the columns to write. A domain adds one file under `kinds/` and a line in
 * `kinds/index.ts`; the task, queue, worker, progress and download are the platform's.
 */
export interface ExportKind {
  name: string;
  /** The download's name starts with it: `<stem>_<yyyymmdd>_<task id>.xlsx`. */
  fileStem: string;
  sheetName: string;
  /** The largest page the query serves. */
  maxPageSize: number;
  fetchPage(run: RunAsRequester, filter: Record<string, unknown>, cursor: PageCursor, pageSize: number): Promise<ExportPage>;
  columns: readonly ExportColumn[];
}

/** `createdAt` and friends arrive as ISO strings; Excel wants dates. */
export const asDate = (value: unknown): Date | null => (typeof value === 'string' ? new Date(value) : null);
export function asText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}
