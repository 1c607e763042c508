import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { User } from '../entities';
import { loginKeyOf } from '../entities/user.entity';
import type { IdentityContext } from '../identity.context';
import { IdentityErrors } from '../identity.errors';
import { userById } from '../loaders/user-by-id.loader';
import { loginLimitKey } from '../services/auth-limits';
import { completeLogin } from '../services/auth.service';
import { assertFaceMatches, bindFace, FaceErrors, MAX_BIND_IMAGES } from '../services/face/face-sign-in';
import { normaliseEmail } from '../services/user.service';
import { AuthPayload } from './auth-payload.type';
import { faceImageError } from '../services/face/face-verifier';
import { FaceLoginInput, MAX_FACE_IMAGE_CHARS } from './face-login.input';

/** The collector app's face sign-in: binding the signed-in account's face, and signing in with it. */
@Resolver()
export class FaceSignInResolver {
  @Mutation(() => User, {
    description:
      `Binds (or replaces) the caller's face from 1–${MAX_BIND_IMAGES} photos (base64 JPEG/PNG, each showing exactly one ` +
      'face; BAD_USER_INPUT naming `images.<i>` with reason NO_FACE, MULTIPLE_FACES or UNREADABLE_IMAGE otherwise).',
  })
  async bindMyFace(@Arg('images', () => [String]) images: string[], @Ctx() ctx: IdentityContext): Promise<User> {
    if (images.length < 1 || images.length > MAX_BIND_IMAGES) throw FaceErrors.imageCount('images');
    const long = images.findIndex((image) => image.length > MAX_FACE_IMAGE_CHARS);
    if (long >= 0) throw faceImageError(`images.${long}`, 'IMAGE_TOO_LARGE');
    const user = await userById(ctx).load(Number(ctx.caller!.userId));
    if (!user) throw IdentityErrors.accountGone();
    return bindFace(ctx.em, ctx.services, user, images);
  }

  @Mutation(() => AuthPayload, {
    description:
      'A login with a photo in place of the password, then exactly as login (audience, APP device slots and force). ' +
      'INVALID_CREDENTIALS with reason FACE_NOT_BOUND (no face bound) or FACE_MISMATCH (another face, or an unknown ' +
      'login), counted with password failures; a photo without exactly one face is BAD_USER_INPUT naming faceImage.',
  })
  async faceLogin(@Arg('input') input: FaceLoginInput, @Ctx() ctx: IdentityContext): Promise<AuthPayload> {
    const em = ctx.services.platformEm();
    const login = input.login.trim();
    const { limits } = ctx.services;
    const limitKey = loginLimitKey(login, ctx.clientAddress);
    await limits.assertOpen('login', limitKey);
    const user = await em.findOne(User, login.includes('@') ? { email: normaliseEmail(login) } : { loginKey: loginKeyOf(login) });
    try {
      if (!user) throw FaceErrors.mismatch();
      await assertFaceMatches(em, ctx.services, user, input.faceImage);
    } catch (error) {
      // A photo the provider could not use is no guess at the account; a wrong or missing face is.
      if (!(error instanceof Error && 'code' in error && error.code === 'BAD_USER_INPUT')) await limits.penalise('login', limitKey);
      throw error;
    }
    return completeLogin(ctx, em, user, input, limitKey);
  }
}
