import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { faceImageError, type FaceImage } from './face-verifier';

/** A face photo the app sends (base64 in JSON): at most 2 MiB, so the three photos of bind-face fit one request. */
export const MAX_FACE_IMAGE_BYTES = 2 * 1024 * 1024;
/** Decoding bigger pictures only costs memory: detection runs on a few hundred pixels. */
const MAX_MEGAPIXELS = 24;
/** The longest side the detector is given; larger photos are scaled down first (box filter). */
const MAX_SIDE = 1280;

/** RGB pixels, row by row, 3 bytes each. */
export interface RgbImage {
  width: number;
  height: number;
  data: Uint8Array;
}

/** Base64 (a `data:image/…;base64,` prefix allowed) → bytes; anything else is UNREADABLE_IMAGE naming `field`. */
export function faceImageFromBase64(value: string, field: string): FaceImage {
  const payload = value.replace(/^data:image\/[a-z0-9.+-]+;base64,/i, '').replace(/\s+/g, '');
  if (payload.length === 0 || !/^[A-Za-z0-9+/_-]+={0,2}$/.test(payload)) throw faceImageError(field, 'UNREADABLE_IMAGE', 'not base64');
  if ((payload.length * 3) / 4 > MAX_FACE_IMAGE_BYTES + 3) {
    throw faceImageError(field, 'IMAGE_TOO_LARGE', `at most ${MAX_FACE_IMAGE_BYTES} bytes`);
  }
  return { bytes: Buffer.from(payload, 'base64'), field };
}

const isJpeg = (b: Buffer) => b.length > 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff;
const isPng = (b: Buffer) => b.length > 8 && b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));

/** JPEG or PNG → RGB, in pure JS (no native image library to install), scaled so the longest side is ≤ 1280. */
export function decodeFaceImage(image: FaceImage): RgbImage {
  try {
    if (isJpeg(image.bytes)) {
      const decoded = jpeg.decode(image.bytes, { useTArray: true, formatAsRGBA: false, maxResolutionInMP: MAX_MEGAPIXELS, maxMemoryUsageInMB: 256 });
      return shrink({ width: decoded.width, height: decoded.height, data: decoded.data });
    }
    if (isPng(image.bytes)) {
      const png = PNG.sync.read(image.bytes);
      if (png.width * png.height > MAX_MEGAPIXELS * 1e6) throw new Error('too many pixels');
      return shrink(rgbaToRgb(png.width, png.height, png.data));
    }
  } catch (error) {
    throw faceImageError(image.field, 'UNREADABLE_IMAGE', error instanceof Error ? error.message : undefined);
  }
  throw faceImageError(image.field, 'UNREADABLE_IMAGE');
}

function rgbaToRgb(width: number, height: number, rgba: Uint8Array): RgbImage {
  const data = new Uint8Array(width * height * 3);
  for (let i = 0, j = 0; i < rgba.length; i += 4, j += 3) {
    // Transparent pixels over white, as an image viewer shows them.
    const a = rgba[i + 3] / 255;
    data[j] = Math.round(rgba[i] * a + 255 * (1 - a));
    data[j + 1] = Math.round(rgba[i + 1] * a + 255 * (1 - a));
    data[j + 2] = Math.round(rgba[i + 2] * a + 255 * (1 - a));
  }
  return { width, height, data };
}

/** Box-filter downscale by an integer factor so the longest side is at most MAX_SIDE. */
function shrink(image: RgbImage): RgbImage {
  const factor = Math.ceil(Math.max(image.width, image.height) / MAX_SIDE);
  if (factor <= 1) return image;
  const width = Math.floor(image.width / factor);
  const height = Math.floor(image.height / factor);
  const data = new Uint8Array(width * height * 3);
  const area = factor * factor;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      for (let c = 0; c < 3; c++) {
        let sum = 0;
        for (let dy = 0; dy < factor; dy++) {
          const row = (y * factor + dy) * image.width;
          for (let dx = 0; dx < factor; dx++) sum += image.data[(row + x * factor + dx) * 3 + c];
        }
        data[(y * width + x) * 3 + c] = Math.round(sum / area);
      }
    }
  }
  return { width, height, data };
}
