import { DomainError } from '@platform/kit';

/**
 * A face-verification provider (the collector app's face sign-in). `enrol` turns the photos a collector binds into
 * a template; `verify` says how well a sign-in photo matches one. The template is opaque to the platform (the local
 * provider's face descriptors, a vendor's face id…): identity stores it encrypted and hands it back unchanged.
 */
export interface FaceVerifier {
  /** Which provider made a template: a template is only ever verified by the provider that made it. */
  readonly name: string;
  /** One template from 1–n photos, each showing exactly one face; FaceImageError otherwise. */
  enrol(images: FaceImage[]): Promise<string>;
  /** Exactly one face in `image` (FaceImageError otherwise) and its similarity to the template. */
  verify(template: string, image: FaceImage): Promise<FaceMatch>;
  /** Loads what the provider needs (models), so the first sign-in does not pay for it. */
  warm(): Promise<void>;
}

export interface FaceMatch {
  /** 0–1, the provider's own scale. */
  score: number;
  match: boolean;
}

/** A photo as the client sent it, decoded from base64, and which request field it came from (for the error). */
export interface FaceImage {
  bytes: Buffer;
  field: string;
}

export type FaceImageProblem = 'NO_FACE' | 'MULTIPLE_FACES' | 'UNREADABLE_IMAGE' | 'IMAGE_TOO_LARGE';

const MESSAGES: Record<FaceImageProblem, string> = {
  NO_FACE: 'shows no face',
  MULTIPLE_FACES: 'shows more than one face',
  UNREADABLE_IMAGE: 'is not a JPEG or PNG image',
  IMAGE_TOO_LARGE: 'is too large',
};

/** A photo that cannot be used: BAD_USER_INPUT naming the field, with the reason a client may branch on. */
export function faceImageError(field: string, problem: FaceImageProblem, detail?: string): DomainError {
  // Which of several photos (bind-face's `images.<i>`), so a client can say which one to retake.
  const index = /\.(\d+)$/.exec(field)?.[1];
  return new DomainError('BAD_USER_INPUT', `${field} ${MESSAGES[problem]}${detail ? ` (${detail})` : ''}`, {
    field,
    reason: problem,
    ...(index === undefined ? {} : { image: Number(index) }),
  });
}
