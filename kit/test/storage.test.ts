import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { pipeline } from 'node:stream/promises';
import S3rver from 's3rver';
import { ByteMeter, createStorage, LocalFolderStorage, sniffContentType, TooLargeError, type ObjectStorage } from '../src';

// The S3 cases stream several multipart parts through a local server: seconds on a loaded 2-core machine.
jest.setTimeout(30_000);

const bytesOf = async (body: Readable) => {
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
};

function behavesAsObjectStorage(name: string, open: () => Promise<{ storage: ObjectStorage; close(): Promise<void> }>) {
  describe(name, () => {
    let storage: ObjectStorage;
    let opened: { close(): Promise<void> };
    beforeAll(async () => {
      const store = await open();
      ({ storage } = store);
      opened = store;
    }, 30_000);
    afterAll(() => opened.close());

    it('round-trips bytes and content type through a stream, larger than one multipart part', async () => {
      const bytes = randomBytes(6 * 1024 * 1024 + 17);
      const meta = await storage.put('files/t1/a.bin', Readable.from([bytes.subarray(0, 1000), bytes.subarray(1000)]), {
        contentType: 'application/pdf',
      });
      expect(meta).toEqual({ contentType: 'application/pdf', size: bytes.length });
      expect(await storage.head('files/t1/a.bin')).toEqual(meta);
      const got = await storage.get('files/t1/a.bin');
      expect(got?.contentType).toBe('application/pdf');
      expect((await bytesOf(got!.body)).equals(bytes)).toBe(true);
    });

    it('moves and copies an object with its content type, and deletes it', async () => {
      await storage.put('staging/u1/x', Readable.from([Buffer.from('hello')]), { contentType: 'text/plain' });
      await storage.move('staging/u1/x', 'files/t1/x');
      expect(await storage.head('staging/u1/x')).toBeUndefined();
      await storage.copy('files/t1/x', 'files/t1/y');
      const copy = await storage.get('files/t1/y');
      expect(copy?.contentType).toBe('text/plain');
      expect(await text(copy!.body)).toBe('hello');
      await storage.delete('files/t1/x');
      await storage.delete('files/t1/x');
      expect(await storage.get('files/t1/x')).toBeUndefined();
    });

    it('refuses a key that would leave the store', async () => {
      await expect(storage.head('../etc/passwd')).rejects.toThrow('invalid storage key');
      await expect(storage.head('/abs')).rejects.toThrow('invalid storage key');
    });
  });
}

behavesAsObjectStorage('LocalFolderStorage', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'storage-'));
  return { storage: new LocalFolderStorage(dir), close: () => rm(dir, { recursive: true, force: true }) };
});

behavesAsObjectStorage('S3Storage against a local S3-compatible server (s3rver)', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 's3rver-'));
  const server = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory: dir, configureBuckets: [{ name: 'platform-files', configs: [] }] });
  const { port } = await server.run();
  const storage = createStorage({
    STORAGE_DRIVER: 's3',
    STORAGE_DIR: '',
    S3_ENDPOINT: `http://127.0.0.1:${port}`,
    S3_BUCKET: 'platform-files',
    S3_REGION: 'us-east-1',
    S3_ACCESS_KEY_ID: secretOf('S3RVER'),
    S3_SECRET_ACCESS_KEY: secretOf('S3RVER'),
    S3_FORCE_PATH_STYLE: true,
  });
  return {
    storage,
    async close() {
      await storage.close();
      await server.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
});

function secretOf(value: string) {
  return { reveal: () => value } as never;
}

describe('ByteMeter', () => {
  it('counts, hashes and keeps the first bytes', async () => {
    const meter = new ByteMeter(100);
    const out: Buffer[] = [];
    await pipeline(Readable.from([Buffer.from('%PDF-1.4 '), Buffer.from('rest')]), meter, async (source) => {
      for await (const c of source) out.push(c as Buffer);
    });
    expect(meter.size).toBe(13);
    expect(meter.sha256()).toBe(createHash('sha256').update('%PDF-1.4 rest').digest('hex'));
    expect(Buffer.concat(out).toString()).toBe('%PDF-1.4 rest');
    expect(await sniffContentType(meter.firstBytes(), 'text/plain')).toBe('application/pdf');
  });

  it('fails the stream once past the limit', async () => {
    const meter = new ByteMeter(10);
    await expect(pipeline(Readable.from([Buffer.alloc(8), Buffer.alloc(8)]), meter, async (s) => { for await (const _ of s) void _; })).rejects.toBeInstanceOf(TooLargeError);
  });

  it('answers the declared type when the bytes carry no signature', async () => {
    expect(await sniffContentType(Buffer.from('a,b\n1,2\n'), 'text/csv')).toBe('text/csv');
  });
});
