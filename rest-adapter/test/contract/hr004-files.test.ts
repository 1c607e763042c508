import { randomBytes } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { createTokenSigner } from '@platform/kit';
import { callerFor, tokenFor } from '@platform/testkit';
import { bearer, call, hrError, hrOk, hrToken, ISO_UTC, plainUserToken } from '../support/contract';
import { multipart } from '../support/multipart';
import { useTestPlatform } from '../support/platform';

const platform = useTestPlatform();
// Uploads of 11 MB and export tasks take seconds on a loaded machine.
jest.setTimeout(30_000);
let admin: string;
let alice: string;
let outsider: string;

const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(200_000)]);

beforeAll(async () => {
  admin = await hrToken(platform.app, 'admin', 'Admin123456');
  alice = await plainUserToken(platform.app, 'alice_files');
  // A user of another tenant, as identity would sign them in.
  const signer = createTokenSigner(platform.platform.config.JWT_SECRET);
  outsider = tokenFor(signer, callerFor({ role: 'user', tenantId: '999', userId: '999001', permissions: [], scope: 'own' }));
});

async function upload(token: string | undefined, fields: Record<string, string>, file?: Parameters<typeof multipart>[1]) {
  const body = multipart(fields, file);
  const res = await platform.app.inject({
    method: 'POST',
    url: '/api/upload',
    headers: { ...(token ? bearer(token) : {}), ...body.headers },
    payload: body.payload,
  });
  return { status: res.statusCode, body: res.json() };
}

const download = (url: string, token?: string) =>
  platform.app.inject({ method: 'GET', url, headers: token ? bearer(token) : {} });

/** Everything the local store holds (uploads end under files/, staging/ must stay empty). */
async function storedObjects(): Promise<string[]> {
  const files = platform.platform.subgraphs.find((s) => s.name === 'files') as unknown as { config: { STORAGE_DIR: string } };
  const dir = files.config.STORAGE_DIR;
  const entries = await readdir(dir, { recursive: true }).catch(() => [] as string[]);
  return entries.filter((e) => !e.endsWith('.meta.json'));
}

describe('POST /api/upload and the download routes', () => {
  it('an upload answers the documented data and round-trips byte for byte with its content type', async () => {
    const res = await upload(alice, { category: 'document' }, { name: 'report 2024.pdf', type: 'application/octet-stream', bytes: PDF });
    expect(res).toEqual({
      status: 201,
      body: hrOk({
        file_id: expect.any(String),
        filename: 'report_2024.pdf',
        original_name: 'report 2024.pdf',
        size: PDF.length,
        mime_type: 'application/pdf', // sniffed from the bytes, not the declared octet-stream
        url: expect.stringMatching(/^http:\/\/localhost(:\d+)?\/uploads\/[\w-]+\/report_2024\.pdf$/),
        category: 'document',
        uploaded_at: expect.stringMatching(ISO_UTC),
      }),
    });
    const { file_id: id, filename } = res.body.data as { file_id: string; filename: string };
    expect(new URL(res.body.data.url as string).pathname).toBe(`/uploads/${id}/${filename}`);
    const served = [
      await platform.app.inject({ method: 'GET', url: `/uploads/${id}/${filename}`, headers: bearer(alice) }),
      await platform.app.inject({ method: 'GET', url: `/api/uploads/${id}/${filename}`, headers: bearer(alice) }),
    ];
    for (const got of served) {
      expect(got.statusCode).toBe(200);
      expect(got.headers['content-type']).toBe('application/pdf');
      expect(got.rawPayload.equals(PDF)).toBe(true);
    }
    const path = `/uploads/${id}/${filename}`;
    // The tenant's admin reads it too.
    expect((await download(path, admin)).statusCode).toBe(200);
  });

  it('a file of another tenant is 404, as is another user\u2019s document; anonymous is 401', async () => {
    const res = await upload(admin, { category: 'document' }, { name: 'a.txt', type: 'text/plain', bytes: Buffer.from('secret') });
    const path = new URL(res.body.data.url as string).pathname;
    const foreign = await download(path, outsider);
    expect({ status: foreign.statusCode, body: foreign.json() }).toEqual({ status: 404, body: hrError('RESOURCE_001') });
    expect((await download(path, alice)).statusCode).toBe(404);
    const anonymous = await download(path);
    expect({ status: anonymous.statusCode, body: anonymous.json() }).toEqual({ status: 401, body: hrError('AUTH_001') });
    expect((await call(platform.app, 'GET', '/uploads/00000000-0000-0000-0000-000000000000/x.txt', { token: admin })).status).toBe(404);
    expect(await call(platform.app, 'GET', '/api/uploads/not-an-id/x.txt', { token: admin })).toMatchObject({ status: 404, body: hrError('RESOURCE_001') });
    expect(await call(platform.app, 'GET', '/downloads/nothing.xlsx', { token: admin })).toMatchObject({ status: 404, body: hrError('RESOURCE_001') });
  });

  it('an upload over 10 MB is 413 in the 004 error body and stores nothing', async () => {
    const before = await storedObjects();
    const res = await upload(alice, { category: 'document' }, { name: 'big.bin', type: 'application/octet-stream', bytes: Buffer.alloc(11 * 1024 * 1024, 1) });
    expect(res).toEqual({ status: 413, body: hrError('VALID_001', expect.objectContaining({ field: 'file' })) });
    expect(await storedObjects()).toEqual(before);
  });

  it('a missing file, a missing or unknown category are 422 naming the field, and store nothing', async () => {
    const before = await storedObjects();
    expect(await upload(alice, { category: 'document' })).toEqual({ status: 422, body: hrError('VALID_001', expect.objectContaining({ field: 'file' })) });
    const file = { name: 'a.txt', type: 'text/plain', bytes: Buffer.from('x') };
    expect(await upload(alice, {}, file)).toEqual({ status: 422, body: hrError('VALID_001', expect.objectContaining({ field: 'category' })) });
    expect(await upload(alice, { category: 'music' }, file)).toEqual({ status: 422, body: hrError('VALID_001', expect.objectContaining({ field: 'category' })) });
    expect(await storedObjects()).toEqual(before);
    expect((await upload(undefined, { category: 'document' }, file)).status).toBe(401);
  });
});

describe('export tasks: GET /api/tasks/{task_id}, GET /downloads/{filename}', () => {
  const START = 'mutation { startUserExport { id status } }';

  async function startExport(token: string): Promise<string> {
    const result = await platform.platform.router.executor.execute({ query: START, headers: bearer(token) });
    expect(result.errors).toBeUndefined();
    return (result.data as { startUserExport: { id: string } }).startUserExport.id;
  }

  async function until(taskId: string, token: string) {
    for (let i = 0; i < 300; i++) {
      const res = await call(platform.app, 'GET', `/api/tasks/${taskId}`, { token });
      if (res.body.data?.status === 'completed' || res.body.data?.status === 'failed') return res;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('the task did not finish');
  }

  it('a task runs as its requester to completed, with a file_url under /downloads/ serving the .xlsx', async () => {
    const taskId = await startExport(admin);
    const res = await until(taskId, admin);
    expect(res).toMatchObject({
      status: 200,
      body: hrOk({
        task_id: taskId,
        status: 'completed',
        progress: 100,
        file_url: expect.stringMatching(new RegExp(`/downloads/users_\\d{8}_${taskId}\\.xlsx$`)),
        created_at: expect.stringMatching(ISO_UTC),
      }),
    });
    const fileName = new URL(res.body.data.file_url as string).pathname.split('/').pop()!;
    const file = await platform.app.inject({ method: 'GET', url: `/downloads/${fileName}`, headers: bearer(admin) });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(file.rawPayload.subarray(0, 2).toString()).toBe('PK');
    // Another tenant's user sees neither the task nor the file.
    expect(await call(platform.app, 'GET', `/api/tasks/${taskId}`, { token: outsider })).toEqual({
      status: 404,
      body: hrError('RESOURCE_001'),
      headers: expect.any(Object),
    });
    expect((await download(new URL(res.body.data.file_url as string).pathname, outsider)).statusCode).toBe(404);
  });

  it('a task the graph refuses is failed with its reason (a plain user may not list users)', async () => {
    const taskId = await startExport(alice);
    const res = await until(taskId, alice);
    expect(res.body.data).toEqual({
      task_id: taskId,
      status: 'failed',
      progress: 0,
      error_message: expect.stringContaining('the graph refused the export'),
      created_at: expect.stringMatching(ISO_UTC),
    });
    // Alice's task is not the admin's business through this route unless they administer the tenant: they do.
    expect((await call(platform.app, 'GET', `/api/tasks/${taskId}`, { token: admin })).status).toBe(200);
  });

  it('an unknown or malformed task id is 404; anonymous is 401', async () => {
    const unknown = '0190a5d2-0000-7000-8000-000000000000';
    expect(await call(platform.app, 'GET', `/api/tasks/${unknown}`, { token: admin })).toMatchObject({ status: 404, body: hrError('RESOURCE_001') });
    expect(await call(platform.app, 'GET', '/api/tasks/nope', { token: admin })).toMatchObject({ status: 404, body: hrError('RESOURCE_001') });
    expect(await call(platform.app, 'GET', `/api/tasks/${unknown}`)).toMatchObject({ status: 401, body: hrError('AUTH_001') });
  });
});
