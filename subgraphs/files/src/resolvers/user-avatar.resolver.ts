import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { StoredFile } from '../entities/stored-file.entity';
import { UserStub } from '../entities/user.stub';
import { callerOf, type FilesContext } from '../files.context';
import { latestAvatarByOwner } from '../loaders/latest-avatar-by-owner.loader';
import { mayRead } from '../services/file-access';

/** identity's User gains its avatar: the user's newest upload of category `avatar` (uploading one replaces it). */
@Resolver(() => UserStub)
export class UserAvatarResolver {
  @FieldResolver(() => StoredFile, { nullable: true, description: 'The newest avatar the user uploaded, when the caller may read it.' })
  async avatar(@Root() user: UserStub, @Ctx() ctx: FilesContext): Promise<StoredFile | null> {
    const file = await latestAvatarByOwner(ctx).load(String(user.id));
    return file && mayRead(callerOf(ctx), file) ? file : null;
  }
}

/** The router asks files for a User by key only to read `avatar`: the key is all it needs. */
export const userReference = {
  __resolveReference: (ref: { id: string }) => ({ id: ref.id }),
};
