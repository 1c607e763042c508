import ExcelJS from 'exceljs';
import { bearer, call, hrError, hrOk, hrToken, plainUserToken } from '../support/contract';
import { multipart } from '../support/multipart';
import { useTestPlatform } from '../support/platform';

const platform = useTestPlatform();
// Uploads of 11 MB and export tasks take seconds on a loaded machine.
jest.setTimeout(30_000);
const yesterday = () => new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
let admin: string;

beforeAll(async () => {
  admin = await hrToken(platform.app, 'admin', 'Admin123456');
  // worklogs learns identity's users through events, a moment after the start.
  const body = { log_date: yesterday(), work_content: '导出测试：完成用户模块', completion_status: 'completed', self_rating: 4 };
  for (let i = 0; ; i++) {
    const res = await call(platform.app, 'POST', '/api/worklogs', { token: admin, body });
    if (res.status === 201) break;
    if (i > 200) throw new Error(`no work log: ${res.status} ${JSON.stringify(res.body)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}, 60_000);

async function finished(taskId: string, token: string) {
  for (let i = 0; i < 400; i++) {
    const res = await call(platform.app, 'GET', `/api/tasks/${taskId}`, { token });
    if (['completed', 'failed'].includes(res.body.data?.status as string)) return res;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('the export did not finish');
}

describe('POST /api/worklogs/export', () => {
  it('answers a task_id; the task completes into an .xlsx of the logs the caller sees', async () => {
    const res = await call(platform.app, 'POST', '/api/worklogs/export', { token: admin, body: { start_date: yesterday(), end_date: yesterday() } });
    expect(res).toMatchObject({ status: 200, body: hrOk({ task_id: expect.any(String) }) });
    const task = await finished(res.body.data.task_id as string, admin);
    expect(task.body.data.error_message).toBeUndefined();
    expect(task.body.data).toMatchObject({ status: 'completed', progress: 100, file_url: expect.stringMatching(/\/downloads\/worklogs_\d{8}_[\w-]+\.xlsx$/) });
    const file = await platform.app.inject({ method: 'GET', url: new URL(task.body.data.file_url as string).pathname, headers: bearer(admin) });
    expect(file.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Work logs')!;
    expect(sheet.rowCount).toBe(2);
    expect(sheet.getRow(2).getCell(3).value).toBe('admin');
    expect(sheet.getRow(2).getCell(5).value).toBe(yesterday());
    expect(sheet.getRow(2).getCell(6).value).toBe('导出测试：完成用户模块');
  }, 60_000);

  it('a bad date is 422 naming the field; anonymous is 401', async () => {
    expect(await call(platform.app, 'POST', '/api/worklogs/export', { token: admin, body: { start_date: '2024/01/01' } })).toMatchObject({
      status: 422,
      body: hrError('VALID_001', expect.objectContaining({ field: 'start_date' })),
    });
    expect(await call(platform.app, 'POST', '/api/worklogs/export', { body: {} })).toMatchObject({ status: 401, body: hrError('AUTH_001') });
  });

  it('the export class allows 5 an hour per user: the sixth is 429 in the 004 error body with Retry-After', async () => {
    const token = await plainUserToken(platform.app, 'export_limit');
    for (let i = 0; i < 5; i++) expect((await call(platform.app, 'POST', '/api/worklogs/export', { token, body: {} })).status).toBe(200);
    const refused = await call(platform.app, 'POST', '/api/worklogs/export', { token, body: {} });
    expect(refused).toMatchObject({ status: 429, body: hrError('RATE_001') });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
  });
});

describe('POST /api/upload rate limit', () => {
  it('the upload class allows 10 a minute per user: the eleventh is 429 in the 004 error body', async () => {
    const token = await plainUserToken(platform.app, 'upload_limit');
    const send = async () => {
      const body = multipart({ category: 'document' }, { name: 'a.txt', type: 'text/plain', bytes: Buffer.from('x') });
      const res = await platform.app.inject({ method: 'POST', url: '/api/upload', headers: { ...bearer(token), ...body.headers }, payload: body.payload });
      return { status: res.statusCode, body: res.json(), headers: res.headers };
    };
    for (let i = 0; i < 10; i++) expect((await send()).status).toBe(201);
    const refused = await send();
    expect(refused).toMatchObject({ status: 429, body: hrError('RATE_001') });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
  });
});
