import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The test photographs live beside the project (`shared/data/faces`), never in it. A missing directory fails the
 * test that asks for a photo, loudly: nothing is skipped.
 */
export const FACES_DIR = join(__dirname, '..', '..', '..', '..', '..', 'shared', 'data', 'faces');

export function facePhoto(name: string): Buffer {
  const path = join(FACES_DIR, name);
  if (!existsSync(path)) throw new Error(`Face test photograph ${path} is missing: the face tests need ../shared/data/faces`);
  return readFileSync(path);
}

export const facePhotoBase64 = (name: string) => facePhoto(name).toString('base64');
