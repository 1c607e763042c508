import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { DomainError } from '@platform/kit';
import { faceImageFromBase64 } from '../../src/services/face/face-image';
import { LocalFaceVerifier } from '../../src/services/face/local-face-verifier';
import { facePhoto, facePhotoBase64 } from './face-photos';

/**
 * The offline provider on the test photographs (one warm model for the file). Measured on 2 shared cores: loading the
 * models ~0.4 s once per process; then 100–500 ms per photo in plain Node, 0.3–1.7 s under jest (the first includes
 * WASM warm-up), up to ~4 s when other suites share the cores.
 */
const verifier = new LocalFaceVerifier();
const photo = (name: string, field = 'faceImage') => faceImageFromBase64(facePhotoBase64(name), field);
let vlado: string;

beforeAll(async () => {
  await verifier.warm();
  vlado = await verifier.enrol([photo('person-vlado.jpg', 'images.0')]);
}, 60_000);

describe('the local face provider', () => {
  it('matches the same person photographed years apart, and measures each verification', async () => {
    for (const name of ['person-vlado1.jpg', 'person-vlado5.jpg']) {
      const started = performance.now();
      const result = await verifier.verify(vlado, photo(name));
      const ms = performance.now() - started;
      expect(result.match).toBe(true);
      expect(ms).toBeLessThan(10_000);
      process.stdout.write(`face verification ${name}: ${ms.toFixed(0)} ms, score ${result.score.toFixed(3)}\n`);
    }
  });

  it.each(['person-celeste.jpg', 'person-linda.jpg', 'person-tasia.jpg'])('refuses another person (%s)', async (name) => {
    const result = await verifier.verify(vlado, photo(name));
    expect(result.match).toBe(false);
  });

  it('a template of several photos matches what any of them matches, and still nobody else', async () => {
    const template = await verifier.enrol([photo('person-vlado1.jpg', 'images.0'), photo('person-celeste.jpg', 'images.1')]);
    expect((await verifier.verify(template, photo('person-vlado5.jpg'))).match).toBe(true);
    expect((await verifier.verify(template, photo('person-linda.jpg'))).match).toBe(false);
  });

  it('concurrent sign-ins each get their own answer', async () => {
    const names = ['person-vlado1.jpg', 'person-celeste.jpg', 'person-vlado5.jpg'];
    const results = await Promise.all(names.map((name) => verifier.verify(vlado, photo(name))));
    expect(results.map((r) => r.match)).toEqual([true, false, true]);
  });

  it.each([
    ['group-2.jpg', 'MULTIPLE_FACES'],
    ['background.jpg', 'NO_FACE'],
  ])('refuses %s as %s, naming the photo', async (name, reason) => {
    const error = await verifier.verify(vlado, photo(name)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'faceImage', reason });
    const enrol = await verifier.enrol([photo('person-vlado.jpg', 'images.0'), photo(name, 'images.1')]).catch((e: unknown) => e);
    expect((enrol as DomainError).extensions).toMatchObject({ field: 'images.1', reason, image: 1 });
  });

  it('refuses bytes that are not a JPEG or PNG, and a PNG is read as well as a JPEG', async () => {
    const text = faceImageFromBase64(Buffer.from('not a picture at all').toString('base64'), 'faceImage');
    await expect(verifier.verify(vlado, text)).rejects.toMatchObject({ extensions: { reason: 'UNREADABLE_IMAGE' } });
    expect(() => faceImageFromBase64('%%%', 'faceImage')).toThrow(DomainError);
    const rgba = jpeg.decode(facePhoto('person-vlado1.jpg'), { formatAsRGBA: true });
    const asPng = PNG.sync.write(Object.assign(new PNG({ width: rgba.width, height: rgba.height }), { data: Buffer.from(rgba.data) }));
    expect((await verifier.verify(vlado, { bytes: asPng, field: 'faceImage' })).match).toBe(true);
  });
});
