import { isDomainErrorCode } from '@platform/kit';
import type { StoredFile } from '../entities/stored-file.entity';
import type { FilesContext } from '../files.context';
import { findReadableFile } from '../services/file.service';

/** Entity fetches from the router (another domain's `avatar { … }`): a file the caller may read, or null. */
export const storedFileReference = {
  async __resolveReference(ref: { id: string }, ctx: FilesContext): Promise<StoredFile | null> {
    try {
      return await findReadableFile(ctx, String(ref.id));
    } catch (error) {
      if (isDomainErrorCode(error, 'NOT_FOUND')) return null;
      throw error;
    }
  },
};
