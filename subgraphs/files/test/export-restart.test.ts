import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { callers, FilesClient, finished, syntheticGraph, TASK } from './support/harness';

const ROWS = 10_000;
const { alice } = callers;
const dir = mkdtempSync(path.join(tmpdir(), 'files-restart-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('embedded mode: a task interrupted by a stop is queued again at the next start and completes', async () => {
  const env = { DATABASE_URL: `file:${path.join(dir, 'files.db')}`, STORAGE_DIR: path.join(dir, 'objects'), EXPORT_PAGE_SIZE: '500' };
  let first: FilesClient | undefined = undefined;
  first = await FilesClient.start(env, { graph: syntheticGraph(() => first!.signer, ROWS, { delayMs: 40 }) });
  const taskId = await first.queueExport(alice, 'synthetic');
  let progress = 0;
  for (let i = 0; i < 600 && progress < 10; i++) {
    progress = (await first.ok<{ exportTask: { progress: number } }>(alice, TASK, { id: taskId })).exportTask.progress;
    await new Promise((r) => setTimeout(r, 25));
  }
  expect(progress).toBeGreaterThanOrEqual(10);
  await first.close();

  let second: FilesClient | undefined = undefined;
  second = await FilesClient.start(env, { graph: syntheticGraph(() => second!.signer, ROWS) });
  try {
    expect(await finished(second, alice, taskId, 60_000)).toMatchObject({ status: 'completed', errorMessage: null });
  } finally {
    await second.close();
  }
}, 120_000);
