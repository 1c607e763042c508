import { createReadStream, createWriteStream } from 'node:fs';
import { copyFile, mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { assertStorageKey, type ObjectMeta, type ObjectStorage, type PutOptions } from './object-storage';

/**
 * Objects as files under one folder (the embedded mode, `./data/files`): the bytes in `<key>`, the content type
 * in `<key>.meta.json` beside them. Written to a temporary name first, so a reader never sees half an object.
 */
export class LocalFolderStorage implements ObjectStorage {
  constructor(private readonly root: string) {}

  private pathOf(key: string): string {
    assertStorageKey(key);
    return path.join(this.root, ...key.split('/'));
  }

  async put(key: string, body: Readable, opts: PutOptions): Promise<ObjectMeta> {
    const file = this.pathOf(key);
    await mkdir(path.dirname(file), { recursive: true });
    const partial = `${file}.${process.pid}.${Date.now()}.partial`;
    try {
      await pipeline(body, createWriteStream(partial));
      const { size } = await stat(partial);
      if (opts.size !== undefined && opts.size !== size) throw new Error(`stored ${size} bytes, expected ${opts.size}`);
      const meta: ObjectMeta = { contentType: opts.contentType, size };
      await writeFile(`${file}.meta.json`, JSON.stringify(meta));
      await rename(partial, file);
      return meta;
    } catch (error) {
      await rm(partial, { force: true });
      throw error;
    }
  }

  async head(key: string): Promise<ObjectMeta | undefined> {
    const file = this.pathOf(key);
    try {
      const [{ size }, meta] = await Promise.all([stat(file), readFile(`${file}.meta.json`, 'utf8')]);
      return { contentType: (JSON.parse(meta) as ObjectMeta).contentType, size };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  async get(key: string) {
    const meta = await this.head(key);
    return meta && { ...meta, body: createReadStream(this.pathOf(key)) };
  }

  async delete(key: string): Promise<void> {
    const file = this.pathOf(key);
    await rm(file, { force: true });
    await rm(`${file}.meta.json`, { force: true });
  }

  async copy(from: string, to: string): Promise<void> {
    const [source, target] = [this.pathOf(from), this.pathOf(to)];
    await mkdir(path.dirname(target), { recursive: true });
    await copyFile(`${source}.meta.json`, `${target}.meta.json`);
    await copyFile(source, target);
  }

  async move(from: string, to: string): Promise<void> {
    const [source, target] = [this.pathOf(from), this.pathOf(to)];
    await mkdir(path.dirname(target), { recursive: true });
    await rename(`${source}.meta.json`, `${target}.meta.json`);
    await rename(source, target);
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}
