import {
  CopyObjectCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import type { Readable } from 'node:stream';
import type { Secret } from '../config';
import { assertStorageKey, type ObjectMeta, type ObjectStorage, type PutOptions } from './object-storage';

export interface S3StorageOptions {
  bucket: string;
  region: string;
  /** An S3-compatible server (MinIO, Ceph, s3rver); AWS itself when absent. */
  endpoint?: string;
  accessKeyId?: Secret;
  secretAccessKey?: Secret;
  /** `http://host/bucket/key` rather than `http://bucket.host/key` (most self-hosted servers need it). */
  forcePathStyle: boolean;
}

/** 5 MiB parts (S3's minimum), at most 4 in flight: an upload holds ~20 MiB however large the object. */
const PART_SIZE = 5 * 1024 * 1024;
const QUEUE_SIZE = 4;

const isMissing = (error: unknown) =>
  error instanceof S3ServiceException && (error.name === 'NotFound' || error.name === 'NoSuchKey' || error.$metadata.httpStatusCode === 404);

/** Objects in an S3-compatible bucket; uploads stream as multipart uploads, so their size need not be known. */
export class S3Storage implements ObjectStorage {
  private readonly client: S3Client;
  private readonly bucket: string;

  constructor(opts: S3StorageOptions) {
    this.bucket = opts.bucket;
    this.client = new S3Client({
      region: opts.region,
      endpoint: opts.endpoint,
      forcePathStyle: opts.forcePathStyle,
      credentials:
        opts.accessKeyId && opts.secretAccessKey
          ? { accessKeyId: opts.accessKeyId.reveal(), secretAccessKey: opts.secretAccessKey.reveal() }
          : undefined,
    });
  }

  async put(key: string, body: Readable, opts: PutOptions): Promise<ObjectMeta> {
    assertStorageKey(key);
    const upload = new Upload({
      client: this.client,
      params: { Bucket: this.bucket, Key: key, Body: body, ContentType: opts.contentType },
      partSize: PART_SIZE,
      queueSize: QUEUE_SIZE,
      leavePartsOnError: false,
    });
    await upload.done();
    const meta = await this.head(key);
    if (!meta) throw new Error(`object ${key} missing after its upload`);
    if (opts.size !== undefined && opts.size !== meta.size) {
      await this.delete(key);
      throw new Error(`stored ${meta.size} bytes, expected ${opts.size}`);
    }
    return meta;
  }

  async head(key: string): Promise<ObjectMeta | undefined> {
    assertStorageKey(key);
    try {
      const out = await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      return { contentType: out.ContentType ?? 'application/octet-stream', size: out.ContentLength ?? 0 };
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw error;
    }
  }

  async get(key: string) {
    assertStorageKey(key);
    try {
      const out = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
      return {
        body: out.Body as Readable,
        contentType: out.ContentType ?? 'application/octet-stream',
        size: out.ContentLength ?? 0,
      };
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    assertStorageKey(key);
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
  }

  async copy(from: string, to: string): Promise<void> {
    assertStorageKey(from);
    assertStorageKey(to);
    // Keys are checked above to hold only URL-safe characters, so the copy source needs no further encoding.
    await this.client.send(new CopyObjectCommand({ Bucket: this.bucket, Key: to, CopySource: `${this.bucket}/${from}` }));
  }

  async move(from: string, to: string): Promise<void> {
    await this.copy(from, to);
    await this.delete(from);
  }

  close(): Promise<void> {
    this.client.destroy();
    return Promise.resolve();
  }
}
