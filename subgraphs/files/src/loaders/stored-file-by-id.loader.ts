import { byKeyLoader } from '@platform/kit';
import type { FilesContext } from '../files.context';
import { StoredFile } from '../entities/stored-file.entity';

export const storedFileById = (ctx: FilesContext) =>
  ctx.loaders.get('storedFileById', () => byKeyLoader<StoredFile, string>(ctx.em, StoredFile));
