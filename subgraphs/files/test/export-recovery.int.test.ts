import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { dropDatabases, uniqueDatabaseUrl } from '@platform/testkit';
import { callers, FilesClient, finished, syntheticGraph, TASK } from './support/harness';

const ROWS = 20_000;
const { alice } = callers;

const databaseUrl = uniqueDatabaseUrl('files');
const storageDir = mkdtempSync(path.join(tmpdir(), 'files-recovery-'));
// Two workers of one deployment: one database, one store, one queue; short locks so a dead worker's task moves fast.
const env = {
  DATABASE_URL: databaseUrl,
  REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
  EXPORT_QUEUE_PREFIX: `exports-test-${randomBytes(4).toString('hex')}`,
  EXPORT_LOCK_MS: '1000',
  EXPORT_STALLED_CHECK_MS: '500',
  EXPORT_PAGE_SIZE: '500',
  STORAGE_DIR: storageDir,
};

afterAll(async () => {
  await dropDatabases(databaseUrl);
  rmSync(storageDir, { recursive: true, force: true });
});

test('a worker that goes away mid-export leaves its task to another worker, which finishes it (BullMQ stalled-job recovery)', async () => {
  let first: FilesClient | undefined = undefined;
  const firstGraph = syntheticGraph(() => first!.signer, ROWS, { delayMs: 40 });
  first = await FilesClient.start(env, { graph: firstGraph });
  const taskId = await first.queueExport(alice, 'synthetic');

  // Wait until the first worker is well into it, then take it away without letting it finish.
  let progress = 0;
  for (let i = 0; i < 600 && progress < 10; i++) {
    progress = (await first.ok<{ exportTask: { progress: number } }>(alice, TASK, { id: taskId })).exportTask.progress;
    await new Promise((r) => setTimeout(r, 25));
  }
  expect(progress).toBeGreaterThanOrEqual(10);
  await first.close();

  let second: FilesClient | undefined = undefined;
  const secondGraph = syntheticGraph(() => second!.signer, ROWS);
  second = await FilesClient.start(env, { graph: secondGraph });
  try {
    const midway = (await second.ok<{ exportTask: { status: string; progress: number } }>(alice, TASK, { id: taskId })).exportTask;
    expect(midway.status).toBe('processing');
    expect(midway.progress).toBeLessThan(100);

    const task = await finished(second, alice, taskId, 60_000);
    expect(task).toMatchObject({ status: 'completed', errorMessage: null });
    expect(secondGraph.requesters.has(alice.userId)).toBe(true);
    const { file } = await second.ok<{ file: { storageKey: string } }>(alice, 'query F($id: ID!) { file(id: $id) { storageKey } }', { id: task.fileId });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.read((await second.runtime.services.storage.get(file.storageKey))!.body);
    expect(workbook.getWorksheet('Rows')!.rowCount).toBe(ROWS + 1);
  } finally {
    await second.close();
  }
}, 120_000);
