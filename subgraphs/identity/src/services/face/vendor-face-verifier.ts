import type { Secret } from '@platform/kit';
import { faceImageError, type FaceImage, type FaceImageProblem, type FaceMatch, type FaceVerifier } from './face-verifier';

export interface VendorFaceOptions {
  /** The vendor's face API base URL (FACE_VENDOR_URL). */
  url: string;
  apiKey: Secret;
  threshold: number;
  timeoutMs?: number;
  fetch?: typeof fetch;
}

/** What the vendor answers: a template or a score, or the reason a photo was refused. */
interface VendorAnswer {
  template?: string;
  score?: number;
  error?: { code?: string; index?: number; message?: string };
}

const PROBLEMS: readonly FaceImageProblem[] = ['NO_FACE', 'MULTIPLE_FACES', 'UNREADABLE_IMAGE', 'IMAGE_TOO_LARGE'];

/**
 * A hosted face API (production): `POST {url}/enrol {images: [base64]}` → `{template}` and
 * `POST {url}/verify {template, image}` → `{score}` (0–1), bearer-authenticated; a refused photo answers 422
 * `{error: {code: NO_FACE | MULTIPLE_FACES | UNREADABLE_IMAGE | IMAGE_TOO_LARGE, index}}`. The vendor keeps no
 * state the platform relies on: the template it answers is stored (encrypted) by identity like the local one.
 */
export class VendorFaceVerifier implements FaceVerifier {
  readonly name = 'vendor';

  constructor(private readonly options: VendorFaceOptions) {}

  warm(): Promise<void> {
    return Promise.resolve();
  }

  async enrol(images: FaceImage[]): Promise<string> {
    const answer = await this.call('enrol', { images: images.map((i) => i.bytes.toString('base64')) }, images);
    if (typeof answer.template !== 'string') throw new Error('The face vendor answered no template');
    return answer.template;
  }

  async verify(template: string, image: FaceImage): Promise<FaceMatch> {
    const answer = await this.call('verify', { template, image: image.bytes.toString('base64') }, [image]);
    if (typeof answer.score !== 'number') throw new Error('The face vendor answered no score');
    return { score: answer.score, match: answer.score >= this.options.threshold };
  }

  private async call(path: string, body: unknown, images: FaceImage[]): Promise<VendorAnswer> {
    const response = await (this.options.fetch ?? fetch)(`${this.options.url.replace(/\/$/, '')}/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${this.options.apiKey.reveal()}` },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(this.options.timeoutMs ?? 10_000),
    });
    const answer = (await response.json().catch(() => ({}))) as VendorAnswer;
    const code = answer.error?.code as FaceImageProblem | undefined;
    if (response.status === 422 && code && PROBLEMS.includes(code)) {
      const image = images[answer.error?.index ?? 0] ?? images[0];
      throw faceImageError(image?.field ?? 'image', code);
    }
    if (!response.ok) throw new Error(`The face vendor answered ${response.status}`);
    return answer;
  }
}
