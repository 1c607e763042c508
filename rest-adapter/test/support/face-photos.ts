import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The test photographs beside the project (`shared/data/faces`), never in it; a missing one fails loudly. */
const FACES_DIR = join(__dirname, '..', '..', '..', '..', 'shared', 'data', 'faces');

export function facePhotoBase64(name: string): string {
  const path = join(FACES_DIR, name);
  if (!existsSync(path)) throw new Error(`Face test photograph ${path} is missing: the face tests need ../shared/data/faces`);
  return readFileSync(path).toString('base64');
}
