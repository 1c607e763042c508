import path from 'node:path';
import { z } from 'zod';
import { secret } from '../config';
import { LocalFolderStorage } from './local-folder.storage';
import type { ObjectStorage } from './object-storage';
import { S3Storage } from './s3.storage';

/** The storage settings, for every service that reads or writes objects (files subgraph, REST adapter). */
export const storageConfigShape = {
  /** `local`: a folder (the embedded mode); `s3`: an S3-compatible bucket (production). */
  STORAGE_DRIVER: z.enum(['local', 's3']).default('local'),
  /** The folder of the `local` driver. */
  STORAGE_DIR: z.string().default('./data/files'),
  S3_ENDPOINT: z.url().optional(),
  S3_BUCKET: z.string().optional(),
  S3_REGION: z.string().default('us-east-1'),
  S3_ACCESS_KEY_ID: secret().optional(),
  S3_SECRET_ACCESS_KEY: secret().optional(),
  S3_FORCE_PATH_STYLE: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
};

export type StorageConfig = z.output<z.ZodObject<typeof storageConfigShape>>;

/** `S3_BUCKET` is required with the `s3` driver; use in a schema's superRefine. */
export function storageGuards(cfg: Pick<StorageConfig, 'STORAGE_DRIVER' | 'S3_BUCKET'>, ctx: z.RefinementCtx): void {
  if (cfg.STORAGE_DRIVER === 's3' && !cfg.S3_BUCKET) {
    ctx.addIssue({ code: 'custom', path: ['S3_BUCKET'], message: 'is required when STORAGE_DRIVER=s3' });
  }
}

/** The configured store. */
export function createStorage(cfg: StorageConfig): ObjectStorage {
  if (cfg.STORAGE_DRIVER === 'local') return new LocalFolderStorage(path.resolve(cfg.STORAGE_DIR));
  return new S3Storage({
    bucket: cfg.S3_BUCKET!,
    region: cfg.S3_REGION,
    endpoint: cfg.S3_ENDPOINT,
    accessKeyId: cfg.S3_ACCESS_KEY_ID,
    secretAccessKey: cfg.S3_SECRET_ACCESS_KEY,
    forcePathStyle: cfg.S3_FORCE_PATH_STYLE,
  });
}
