import { createHash } from 'node:crypto';
import { ownTenantId, pageWindow, toPage, type Paged } from '@platform/kit';
import { ExportTask } from '../entities/export-task.entity';
import { FileCategory, StoredFile } from '../entities/stored-file.entity';
import { FilesErrors } from '../files.errors';
import { callerOf, type FilesContext } from '../files.context';
import { storedFileById } from '../loaders/stored-file-by-id.loader';
import type { FilesArgs } from '../resolvers/files.args';
import type { RegisterUploadInput } from '../resolvers/register-upload.input';
import { isTenantAdmin, mayRead } from './file-access';

/** 004: an upload holds at most 10 MB. */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

/** Where an upload waits for `registerUpload`: under the uploader's own id, so nobody registers another's bytes. */
export const stagingPrefix = (userId: string) => `staging/${userId}/`;

/** Final keys: per tenant (`platform` for the super admin's own), then the file's id. */
export const fileKey = (tenantId: number | null, fileId: string) => `files/${tenantId ?? 'platform'}/${fileId}`;

/** A file the caller may read; any other (another tenant's, someone else's private one, none) is NOT_FOUND alike. */
export async function findReadableFile(ctx: FilesContext, id: string): Promise<StoredFile> {
  const file = await storedFileById(ctx).load(id);
  if (!file || !mayRead(callerOf(ctx), file)) throw FilesErrors.fileNotFound(id);
  return file;
}

/**
 * Export results by their `/downloads/` name, to their readers. Looked up through the task that wrote it, so an
 * upload that happens to carry such a name is never served in its place.
 */
export async function findExportFile(ctx: FilesContext, fileName: string): Promise<StoredFile> {
  const task = await ctx.em.findOne(ExportTask, { fileName });
  const file = task?.fileId ? await storedFileById(ctx).load(task.fileId) : null;
  if (!file || file.category !== FileCategory.export || !mayRead(callerOf(ctx), file)) throw FilesErrors.fileNotFound(fileName);
  return file;
}

/** The tenant's files for its admins, else the caller's own; newest first. */
export async function listFiles(ctx: FilesContext, args: FilesArgs): Promise<Paged<StoredFile>> {
  const caller = callerOf(ctx);
  const where = {
    ...(isTenantAdmin(caller) ? {} : { ownerId: caller.userId }),
    ...(args.category ? { category: args.category } : {}),
  };
  const paging = args.window();
  const [items, total] = await ctx.em.findAndCount(StoredFile, where, { orderBy: { id: 'desc' }, ...pageWindow(paging) });
  return toPage(items, total, paging);
}

/**
 * Turns a staged upload into a file: the staged object must be the caller's, hold exactly `size` bytes hashing to
 * `sha256`; it then moves to its final key and is recorded. The bytes are read once more here, so a record never
 * describes bytes other than those stored.
 */
export async function registerUpload(ctx: FilesContext, input: RegisterUploadInput): Promise<StoredFile> {
  const caller = callerOf(ctx);
  const { storage } = ctx.services;
  if (!input.stagingKey.startsWith(stagingPrefix(caller.userId))) throw FilesErrors.notYourStagingKey();
  if (input.size > MAX_UPLOAD_BYTES) throw FilesErrors.tooLarge(MAX_UPLOAD_BYTES);
  const staged = await storage.get(input.stagingKey).catch(() => undefined);
  if (!staged) throw FilesErrors.stagedObjectMissing();
  if (staged.size !== input.size) {
    staged.body.destroy();
    throw FilesErrors.stagedSizeMismatch(staged.size);
  }
  const hash = createHash('sha256');
  for await (const chunk of staged.body) hash.update(chunk as Buffer);
  if (hash.digest('hex') !== input.sha256.toLowerCase()) throw FilesErrors.stagedHashMismatch();

  const tenantId = ownTenantId(ctx);
  const file = ctx.em.create(StoredFile, {
    tenantId,
    ownerId: caller.userId,
    category: input.category,
    originalName: input.filename,
    contentType: input.contentType,
    size: input.size,
    sha256: input.sha256.toLowerCase(),
    storageKey: '',
  });
  file.storageKey = fileKey(tenantId, file.id);
  await storage.move(input.stagingKey, file.storageKey);
  return file;
}
