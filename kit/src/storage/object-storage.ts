import type { Readable } from 'node:stream';

/** What a stored object is known by besides its bytes. */
export interface ObjectMeta {
  contentType: string;
  size: number;
}

export interface PutOptions {
  contentType: string;
  /** When known in advance; the S3 store then sends it, the local one checks it. */
  size?: number;
}

/**
 * Object storage behind one interface: a local folder in the embedded mode, an S3-compatible bucket in production
 * (kit/src/storage/README.md). Keys are `/`-separated paths of safe segments (`files/<tenant>/<id>`); bytes always
 * travel as streams, never buffered whole.
 */
export interface ObjectStorage {
  /** Stores the stream under `key` (replacing any object there); resolves once every byte is stored. */
  put(key: string, body: Readable, opts: PutOptions): Promise<ObjectMeta>;
  /** The object's bytes and metadata, or undefined when there is none. */
  get(key: string): Promise<({ body: Readable } & ObjectMeta) | undefined>;
  head(key: string): Promise<ObjectMeta | undefined>;
  /** Removes the object; removing a missing one is not an error. */
  delete(key: string): Promise<void>;
  copy(from: string, to: string): Promise<void>;
  /** Copy then delete (a rename where the store has one). */
  move(from: string, to: string): Promise<void>;
  close(): Promise<void>;
}

const SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** Refuses keys that could leave the store's root (`..`, absolute paths, odd characters). */
export function assertStorageKey(key: string): void {
  const segments = key.split('/');
  if (!segments.length || !segments.every((s) => SEGMENT.test(s) && s !== '..' && !s.endsWith('.meta.json'))) {
    throw new Error(`invalid storage key ${JSON.stringify(key)}`);
  }
}
