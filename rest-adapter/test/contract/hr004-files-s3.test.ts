import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import S3rver from 's3rver';
import { bearer, hrOk, plainUserToken } from '../support/contract';
import { multipart } from '../support/multipart';
import { useTestPlatform } from '../support/platform';

// The platform on an S3-compatible server (s3rver, started here) instead of the local folder.
let server: S3rver;
let dir: string;
let port: number;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 's3rver-'));
  server = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory: dir, configureBuckets: [{ name: 'platform-files', configs: [] }] });
  ({ port } = await server.run());
});
afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

const platform = useTestPlatform(undefined, () => ({
  STORAGE_DRIVER: 's3',
  S3_ENDPOINT: `http://127.0.0.1:${port}`,
  S3_BUCKET: 'platform-files',
  S3_ACCESS_KEY_ID: 'S3RVER',
  S3_SECRET_ACCESS_KEY: 'S3RVER',
  S3_FORCE_PATH_STYLE: 'true',
}));

test('on S3 storage an upload round-trips byte for byte with its content type; over 10 MB is 413', async () => {
  const token = await plainUserToken(platform.app, 's3_user');
  const png = Buffer.concat([Buffer.from('ffd8ffe0', 'hex'), randomBytes(300_000)]); // a JPEG's signature
  const body = multipart({ category: 'avatar' }, { name: 'me.jpg', type: 'application/octet-stream', bytes: png });
  const res = await platform.app.inject({ method: 'POST', url: '/api/upload', headers: { ...bearer(token), ...body.headers }, payload: body.payload });
  expect(res.statusCode).toBe(201);
  expect(res.json()).toEqual(hrOk(expect.objectContaining({ mime_type: 'image/jpeg', size: png.length, category: 'avatar' })));
  const { file_id: id, filename } = res.json().data as { file_id: string; filename: string };
  const got = await platform.app.inject({ method: 'GET', url: `/uploads/${id}/${filename}`, headers: bearer(token) });
  expect(got.statusCode).toBe(200);
  expect(got.headers['content-type']).toBe('image/jpeg');
  expect(got.rawPayload.equals(png)).toBe(true);

  const big = multipart({ category: 'document' }, { name: 'big.bin', type: 'application/octet-stream', bytes: Buffer.alloc(11 * 1024 * 1024, 7) });
  const refused = await platform.app.inject({ method: 'POST', url: '/api/upload', headers: { ...bearer(token), ...big.headers }, payload: big.payload });
  expect(refused.statusCode).toBe(413);
  // Nothing kept: no staged object (nor an unfinished multipart upload) in the bucket.
  const kept = await readdir(path.join(dir, 'platform-files'), { recursive: true });
  expect(kept.filter((p) => p.includes('staging'))).toEqual([]);
}, 60_000);
