import DataLoader from 'dataloader';
import { FileCategory, StoredFile } from '../entities/stored-file.entity';
import type { FilesContext } from '../files.context';

/** Each user's newest avatar upload (their avatar), one statement for a page of users. */
export const latestAvatarByOwner = (ctx: FilesContext) =>
  ctx.loaders.get(
    'latestAvatarByOwner',
    () =>
      new DataLoader<string, StoredFile | null>(async (ownerIds) => {
        const rows = await ctx.em.find(
          StoredFile,
          { ownerId: { $in: [...ownerIds] }, category: FileCategory.avatar },
          { orderBy: { createdAt: 'desc', id: 'desc' } },
        );
        const newest = new Map<string, StoredFile>();
        for (const row of rows) if (!newest.has(row.ownerId)) newest.set(row.ownerId, row);
        return ownerIds.map((id) => newest.get(id) ?? null);
      }),
  );
