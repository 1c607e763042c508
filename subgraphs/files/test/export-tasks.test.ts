import ExcelJS from 'exceljs';
import { asIterator, callers, FilesClient, finished, nextEvent, PROGRESS, syntheticGraph } from './support/harness';

const ROWS = 50_000;
const { admin, alice } = callers;

let client: FilesClient;
let graph: ReturnType<typeof syntheticGraph>;
beforeAll(async () => {
  graph = syntheticGraph(() => client.signer, ROWS);
  client = await FilesClient.start({ EXPORT_PAGE_SIZE: '1000' }, { graph });
});
afterAll(() => client.close());

test(`an export of ${ROWS} rows completes, reporting progress at least every 10 %, into an .xlsx holding every row`, async () => {
  const taskId = await client.queueExport(alice, 'synthetic');
  const events = asIterator(await client.subscribe(alice, PROGRESS(taskId)));
  const seen: Array<{ status: string; progress: number; fileName: string | null }> = [];
  for (;;) {
    const event = (await nextEvent(events, 60_000)) as { data?: { taskProgress: (typeof seen)[number] } };
    const progress = event.data!.taskProgress;
    seen.push(progress);
    if (progress.status === 'completed' || progress.status === 'failed') break;
  }
  await events.return?.();

  expect(seen.at(-1)).toMatchObject({ status: 'completed', progress: 100, fileName: expect.stringMatching(new RegExp(`^synthetic_\\d{8}_${taskId}\\.xlsx$`)) });
  const steps = seen.map((s) => s.progress);
  expect(steps[0]).toBe(0);
  for (let i = 1; i < steps.length; i++) {
    expect(steps[i]).toBeGreaterThanOrEqual(steps[i - 1]);
    expect(steps[i] - steps[i - 1]).toBeLessThanOrEqual(10);
  }
  // Ran as its requester: every page was asked with alice's claims.
  expect([...graph.requesters]).toEqual([alice.userId]);

  const task = await finished(client, alice, taskId);
  const { file } = await client.ok<{ file: { storageKey: string; size: number; category: string; contentType: string } }>(
    alice,
    'query F($id: ID!) { file(id: $id) { storageKey size category contentType } }',
    { id: task.fileId },
  );
  expect(file).toMatchObject({ category: 'export', contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
  const object = await client.runtime.services.storage.get(file.storageKey);
  expect(object?.size).toBe(file.size);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.read(object!.body);
  const sheet = workbook.getWorksheet('Rows')!;
  expect(sheet.rowCount).toBe(ROWS + 1);
  expect(sheet.getRow(1).values).toEqual([undefined, 'ID', 'Name', 'Amount', 'Asked by']);
  expect(sheet.getRow(2).values).toEqual([undefined, 1, 'row 1', 0.01, alice.userId]);
  expect(sheet.getRow(ROWS + 1).values).toEqual([undefined, ROWS, `row ${ROWS}`, ROWS / 100, alice.userId]);
}, 180_000);

test('the task and its file are the requester\u2019s and their tenant admins\u2019, not another user\u2019s', async () => {
  const taskId = await client.queueExport(alice, 'synthetic');
  const task = await finished(client, admin, taskId);
  expect(task.status).toBe('completed');
  const bob = await client.run(callers.bob, 'query T($id: ID!) { exportTask(id: $id) { id } }', { id: taskId });
  expect(bob.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  const other = await client.run(callers.otherAdmin, 'query F($id: ID!) { file(id: $id) { id } }', { id: task.fileId });
  expect(other.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
}, 180_000);
