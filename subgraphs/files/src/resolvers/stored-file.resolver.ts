import { Arg, Args, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { StoredFile } from '../entities/stored-file.entity';
import type { FilesContext } from '../files.context';
import * as files from '../services/file.service';
import { FilesArgs } from './files.args';
import { StoredFilePage } from './pages';
import { RegisterUploadInput } from './register-upload.input';

@Resolver()
export class StoredFileResolver {
  @Query(() => StoredFile, { description: 'A file the caller may read (owner, tenant admins, or the category\u2019s rule); NOT_FOUND otherwise.' })
  file(@Arg('id', () => ID) id: string, @Ctx() ctx: FilesContext) {
    return files.findReadableFile(ctx, id);
  }

  @Query(() => StoredFile, { description: 'An export result by its `/downloads/` file name, to its readers.' })
  exportFile(@Arg('fileName') fileName: string, @Ctx() ctx: FilesContext) {
    return files.findExportFile(ctx, fileName);
  }

  @Query(() => StoredFilePage, { description: 'Tenant admins: the tenant\u2019s files; others: their own. Newest first.' })
  files(@Args() args: FilesArgs, @Ctx() ctx: FilesContext) {
    return files.listFiles(ctx, args);
  }

  @Mutation(() => StoredFile, { description: 'Records a staged upload (bytes never travel through the graph).' })
  registerUpload(@Arg('input') input: RegisterUploadInput, @Ctx() ctx: FilesContext) {
    return files.registerUpload(ctx, input);
  }
}
