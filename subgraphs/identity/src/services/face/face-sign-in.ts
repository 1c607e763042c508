import { DomainError } from '@platform/kit';
import type { EntityManager } from '@mikro-orm/core';
import { User } from '../../entities';
import type { IdentityServices } from '../../identity.context';
import { faceImageFromBase64 } from './face-image';

/** bind-face takes the document's three photos at most (different angles widen what is recognised). */
export const MAX_BIND_IMAGES = 3;

export const FaceErrors = {
  /** A wrong face, like a wrong password (and an unknown login id alike): 401, counted against the login limit. */
  mismatch: () => new DomainError('INVALID_CREDENTIALS', 'The face does not match the account', { reason: 'FACE_MISMATCH' }),
  /** Said plainly, so the app can offer the password and binding instead. */
  notBound: () => new DomainError('INVALID_CREDENTIALS', 'No face is bound to this account', { reason: 'FACE_NOT_BOUND' }),
  /** A template written by another provider than the one configured now cannot be verified: bind again. */
  otherProvider: () => new DomainError('INVALID_CREDENTIALS', 'The bound face was made by another provider; bind it again', { reason: 'FACE_NOT_BOUND' }),
  imageCount: (field: string) =>
    new DomainError('BAD_USER_INPUT', `${field} must hold 1 to ${MAX_BIND_IMAGES} images`, { field }),
};

/** Stored as `provider:ciphertext`: only the provider that made a template verifies it. */
const sealed = (services: IdentityServices, template: string) => `${services.faces.name}:${services.faceCipher.encrypt(template)}`;

function unsealed(services: IdentityServices, stored: string): string {
  const at = stored.indexOf(':');
  if (stored.slice(0, at) !== services.faces.name) throw FaceErrors.otherProvider();
  return services.faceCipher.decrypt(stored.slice(at + 1));
}

/** Binds (or replaces) the account's face from 1–3 photos, each showing exactly one face. */
export async function bindFace(em: EntityManager, services: IdentityServices, user: User, images: string[]): Promise<User> {
  if (images.length < 1 || images.length > MAX_BIND_IMAGES) throw FaceErrors.imageCount('images');
  const decoded = images.map((image, i) => faceImageFromBase64(image, `images.${i}`));
  const template = await services.faces.enrol(decoded);
  user.faceTemplate = sealed(services, template);
  user.faceBoundAt = new Date();
  await em.flush();
  return user;
}

/**
 * Face sign-in's check, in place of the password: the account must have a face bound and the photo must show one
 * face matching it. Throws FACE_NOT_BOUND, FACE_MISMATCH (401) or a photo's BAD_USER_INPUT (400).
 */
export async function assertFaceMatches(em: EntityManager, services: IdentityServices, user: User, image: string): Promise<void> {
  const { faceTemplate } = await em.findOneOrFail(User, user.id, { fields: ['faceTemplate'], filters: false });
  if (!faceTemplate) throw FaceErrors.notBound();
  const template = unsealed(services, faceTemplate);
  const result = await services.faces.verify(template, faceImageFromBase64(image, 'faceImage'));
  if (!result.match) throw FaceErrors.mismatch();
}
