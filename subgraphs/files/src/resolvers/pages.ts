import { PageType } from '@platform/kit';
import { StoredFile } from '../entities/stored-file.entity';

export const StoredFilePage = PageType(StoredFile);
