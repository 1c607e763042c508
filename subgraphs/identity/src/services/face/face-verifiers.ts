import type { IdentityConfig } from '../../config';
import type { FaceVerifier } from './face-verifier';
import { LOCAL_MATCH_THRESHOLD, LocalFaceVerifier } from './local-face-verifier';
import { VendorFaceVerifier } from './vendor-face-verifier';

/** FACE_PROVIDER chooses: `local` (offline, the default) or `vendor` (FACE_VENDOR_URL, FACE_VENDOR_API_KEY). */
export function faceVerifierFor(config: IdentityConfig): FaceVerifier {
  if (config.FACE_PROVIDER === 'vendor') {
    return new VendorFaceVerifier({
      url: config.FACE_VENDOR_URL!,
      apiKey: config.FACE_VENDOR_API_KEY!,
      threshold: config.FACE_MATCH_THRESHOLD ?? 0.8,
    });
  }
  return new LocalFaceVerifier(config.FACE_MATCH_THRESHOLD ?? LOCAL_MATCH_THRESHOLD);
}
