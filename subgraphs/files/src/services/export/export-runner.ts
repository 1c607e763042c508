import { PassThrough } from 'node:stream';
import type { EntityManager } from '@mikro-orm/core';
import ExcelJS from 'exceljs';
import type { PubSub } from 'type-graphql';
import { ByteMeter, forkForTenant, type GraphAccess, type Logger, type ObjectStorage, type Orm, type TokenSigner } from '@platform/kit';
import { ExportTask, TaskStatus } from '../../entities/export-task.entity';
import { FileCategory, StoredFile } from '../../entities/stored-file.entity';
import { fileKey } from '../file.service';
import type { ExportKind, PageCursor, RunAsRequester } from './export-kind';
import { EXPORT_KINDS } from './kinds';
import { TASK_PROGRESS, type TaskProgressMessage } from './task-progress.topic';

export interface ExportRunnerDeps {
  orm: Orm;
  storage: ObjectStorage;
  signer: TokenSigner;
  graph: GraphAccess;
  pubSub: PubSub;
  logger: Logger;
  pageSize: number;
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** The requester's token lives as long as one export may reasonably take; each run mints its own. */
const TOKEN_TTL_SECONDS = 30 * 60;

const FINISHED: ReadonlySet<string> = new Set([TaskStatus.completed, TaskStatus.failed]);

/** Thrown when the process is going away: the task is left as it is, for another worker (or the next start). */
export class ExportInterrupted extends Error {}

export const toProgressMessage = (t: ExportTask): TaskProgressMessage => ({
  id: t.id,
  ownerId: t.ownerId,
  tenantId: t.tenantId,
  kind: t.kind,
  status: t.status,
  progress: t.progress,
  totalRows: t.totalRows ?? null,
  fileName: t.fileName ?? null,
  fileId: t.fileId ?? null,
  errorMessage: t.errorMessage ?? null,
  createdAt: t.createdAt.toISOString(),
  updatedAt: t.updatedAt.toISOString(),
});

const yyyymmdd = (d: Date) => d.toISOString().slice(0, 10).replaceAll('-', '');

/**
 * Runs one export task to its end: pages through the kind's query as the requester, streams the rows into an
 * .xlsx (exceljs WorkbookWriter) straight into storage, and reports progress as the rows are written. A failure
 * is recorded on the task with its reason; an interruption (`signal`) leaves the task for whoever runs it next,
 * which starts it over.
 */
export async function runExportTask(deps: ExportRunnerDeps, taskId: string, signal: AbortSignal): Promise<void> {
  const em = forkForTenant(deps.orm.em, null);
  const task = await em.findOne(ExportTask, taskId);
  if (!task || FINISHED.has(task.status)) return;
  const kind = EXPORT_KINDS.get(task.kind);
  const report = progressReporter(em, deps, task);
  try {
    if (!kind) throw new Error(`unknown export kind ${task.kind}`);
    await report({ status: TaskStatus.processing, progress: 0, errorMessage: null });
    const fileName = `${kind.fileStem}_${yyyymmdd(task.createdAt)}_${task.id}.xlsx`;
    const key = fileKey(task.tenantId, task.id);
    const written = await writeWorkbook(deps, kind, task, key, signal, (rows, total) =>
      report({ totalRows: total, progress: total ? Math.min(99, Math.floor((rows * 100) / total)) : 99 }),
    );
    const file = em.create(StoredFile, {
      id: task.id,
      tenantId: task.tenantId,
      ownerId: task.ownerId,
      category: FileCategory.export,
      originalName: fileName,
      contentType: XLSX,
      size: written.size,
      sha256: written.sha256,
      storageKey: key,
    });
    await report({ status: TaskStatus.completed, progress: 100, fileName, fileId: file.id });
  } catch (error) {
    if (error instanceof ExportInterrupted || signal.aborted) throw new ExportInterrupted('export interrupted');
    deps.logger.warn({ err: error, taskId }, 'export failed');
    await report({ status: TaskStatus.failed, errorMessage: reasonOf(error) });
  }
}

/** Saves the task's new state and announces it on `taskProgress`; a lost announcement loses nothing stored. */
function progressReporter(em: EntityManager, deps: ExportRunnerDeps, task: ExportTask) {
  return async (change: Partial<ExportTask>) => {
    if (change.progress !== undefined && change.progress === task.progress && change.status === undefined) return;
    Object.assign(task, change);
    await em.flush();
    try {
      await Promise.resolve(deps.pubSub.publish(TASK_PROGRESS, task.id, toProgressMessage(task)));
    } catch (error) {
      deps.logger.warn({ err: error, taskId: task.id }, 'task progress not published');
    }
  };
}

async function writeWorkbook(
  deps: ExportRunnerDeps,
  kind: ExportKind,
  task: ExportTask,
  key: string,
  signal: AbortSignal,
  onRows: (rows: number, total: number) => Promise<void>,
): Promise<{ size: number; sha256: string }> {
  const meter = new ByteMeter(Number.MAX_SAFE_INTEGER);
  const out = new PassThrough();
  meter.on('error', () => undefined); // reported by the store's put, awaited below
  const stored = deps.storage.put(key, out.pipe(meter), { contentType: XLSX });
  stored.catch(() => undefined); // awaited below; a failure while writing rows is reported from there
  try {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });
    const sheet = workbook.addWorksheet(kind.sheetName);
    sheet.columns = kind.columns.map((c) => ({ header: c.header, key: c.key, width: c.width ?? 16 }));
    const run = await requesterRun(deps, task);
    const pageSize = Math.min(deps.pageSize, kind.maxPageSize);
    let cursor: PageCursor = { page: 1, afterId: null };
    let rows = 0;
    for (;;) {
      if (signal.aborted) throw new ExportInterrupted();
      const page = await kind.fetchPage(run, task.filter, cursor, pageSize);
      for (const item of page.items) {
        sheet.addRow(kind.columns.map((c) => c.value(item))).commit();
      }
      rows += page.items.length;
      await onRows(rows, Math.max(page.total, rows));
      if (page.items.length < pageSize || rows >= page.total) break;
      cursor = { page: cursor.page + 1, afterId: String(page.items[page.items.length - 1].id) };
    }
    sheet.commit();
    await workbook.commit();
    await stored;
    return { size: meter.size, sha256: meter.sha256() };
  } catch (error) {
    out.destroy();
    meter.destroy(error as Error); // `pipe` does not pass errors on: the store reads from the meter
    await stored.catch(() => undefined);
    await deps.storage.delete(key).catch(() => undefined);
    throw error;
  }
}

/** The requester's claims as a fresh short-lived token: the router and every domain see the requester. */
async function requesterRun(deps: ExportRunnerDeps, task: ExportTask): Promise<RunAsRequester> {
  const executor = await deps.graph.executor();
  const authorization = `Bearer ${deps.signer.signAccess(task.requester, TOKEN_TTL_SECONDS)}`;
  return async (query, variables) => {
    const result = await executor.execute({ query, variables, headers: { authorization } });
    const first = result.errors?.[0];
    if (first) throw new Error(`the graph refused the export: ${first.message}`);
    if (!result.data) throw new Error('the graph answered no data');
    return result.data;
  };
}

function reasonOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.slice(0, 500);
}
