import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Config, Human, Tensor } from '@vladmandic/human';
import { decodeFaceImage } from './face-image';
import { faceImageError, type FaceImage, type FaceMatch, type FaceVerifier } from './face-verifier';

/**
 * Similarity (human's 0–1 scale, default options) at or above which two descriptors are the same person. Measured on
 * the test photographs: one person years apart 0.32–0.44, different people at most 0.21; the threshold sits between.
 */
export const LOCAL_MATCH_THRESHOLD = 0.27;
/** Detections below this confidence are not faces (background textures, posters far away). */
const MIN_FACE_CONFIDENCE = 0.5;

/** The template the local provider stores: one descriptor per bound photo. */
interface LocalTemplate {
  v: 1;
  descriptors: number[][];
}

// `@vladmandic/human`'s package exports offer only the tfjs-node build (a native binary download at install); the
// WASM build is loaded by path from the same package, its models from the package's `models/` folder.
const HUMAN_ROOT = dirname(dirname(require.resolve('@vladmandic/human')));
const WASM_ROOT = dirname(require.resolve('@tensorflow/tfjs-backend-wasm'));

const CONFIG: Partial<Config> = {
  backend: 'wasm',
  wasmPath: `${pathToFileURL(WASM_ROOT).href}/`,
  modelBasePath: `${pathToFileURL(join(HUMAN_ROOT, 'models')).href}/`,
  debug: false,
  // Every request is a different photo: never reuse a previous frame's result.
  cacheSensitivity: 0,
  face: {
    enabled: true,
    detector: { enabled: true, rotation: false, maxDetected: 5, minConfidence: MIN_FACE_CONFIDENCE, return: false },
    // The mesh aligns the face before the descriptor is computed: it is what makes photos years apart match.
    mesh: { enabled: true },
    description: { enabled: true },
    iris: { enabled: false },
    emotion: { enabled: false },
    antispoof: { enabled: false },
    liveness: { enabled: false },
  },
  body: { enabled: false },
  hand: { enabled: false },
  object: { enabled: false },
  gesture: { enabled: false },
  segmentation: { enabled: false },
};

interface TfIo {
  registerLoadRouter(router: (url: string | string[]) => unknown): void;
  getModelArtifactsForJSON(json: unknown, loadWeights: (manifest: WeightGroup[]) => Promise<[unknown[], ArrayBuffer]>): Promise<unknown>;
}
/** The part of tfjs (human's `tf`, typed `any` by human) this provider uses. */
interface Tf {
  io: TfIo;
  tidy<T>(fn: () => T): T;
  tensor3d(values: Uint8Array, shape: [number, number, number], dtype: 'int32'): Tensor;
  expandDims(tensor: Tensor, axis: number): Tensor;
  dispose(tensor: Tensor): void;
}
const tfOf = (h: Human) => h.tf as Tf;

interface WeightGroup {
  paths: string[];
  weights: unknown[];
}

/**
 * tfjs reads `file://` models only with tfjs-node; the WASM build needs a load router that reads the model's JSON
 * and weight shards from disk. Registered once per process.
 */
function registerFileModels(io: TfIo): void {
  io.registerLoadRouter((url) => {
    if (typeof url !== 'string' || !url.startsWith('file://')) return null;
    const file = fileURLToPath(url);
    return {
      load: async () => {
        const json: unknown = JSON.parse(await readFile(file, 'utf8'));
        return io.getModelArtifactsForJSON(json, async (manifest) => {
          const specs: unknown[] = [];
          const shards: Buffer[] = [];
          for (const group of manifest) {
            specs.push(...group.weights);
            for (const path of group.paths) shards.push(await readFile(join(dirname(file), path)));
          }
          const all = Buffer.concat(shards);
          return [specs, all.buffer.slice(all.byteOffset, all.byteOffset + all.byteLength)];
        });
      },
    };
  });
}

let loaded: Promise<Human> | undefined;
/** The end of the last queued detection: see `exclusive`. */
let queue: Promise<unknown> = Promise.resolve();

/**
 * One detection at a time per process: human keeps per-run state on its instance, and the WASM backend computes on one
 * thread anyway, so queueing costs no throughput and keeps concurrent sign-ins from mixing their results.
 */
function exclusive<T>(run: () => Promise<T>): Promise<T> {
  const result = queue.then(run, run);
  queue = result.catch(() => undefined);
  return result;
}

/** One model per process, loaded on first use and kept warm (loading takes a few hundred ms, a detection ~100–500). */
function human(): Promise<Human> {
  loaded ??= (async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded by path, see HUMAN_ROOT
    const { Human: HumanClass } = require(join(HUMAN_ROOT, 'dist', 'human.node-wasm.js')) as { Human: new (config: Partial<Config>) => Human };
    const instance = new HumanClass(CONFIG);
    registerFileModels(tfOf(instance).io);
    await instance.load();
    return instance;
  })().catch((error: unknown) => {
    loaded = undefined; // a later request may try again
    throw error;
  });
  return loaded;
}

/** The offline provider: @vladmandic/human on tfjs's WASM backend (face detector, mesh, and descriptor models). */
export class LocalFaceVerifier implements FaceVerifier {
  readonly name = 'local';

  constructor(private readonly threshold = LOCAL_MATCH_THRESHOLD) {}

  async warm(): Promise<void> {
    await human();
  }

  async enrol(images: FaceImage[]): Promise<string> {
    const descriptors: number[][] = [];
    for (const image of images) descriptors.push(await this.describe(image));
    return JSON.stringify({ v: 1, descriptors } satisfies LocalTemplate);
  }

  async verify(template: string, image: FaceImage): Promise<FaceMatch> {
    const stored = JSON.parse(template) as LocalTemplate;
    const descriptor = await this.describe(image);
    const h = await human();
    // The best of the bound photos: binding several (angles, glasses) widens what is recognised, never what matches.
    const score = Math.max(...stored.descriptors.map((d) => h.match.similarity(d, descriptor)));
    return { score, match: score >= this.threshold };
  }

  /** The descriptor of the one face in the photo. */
  private async describe(image: FaceImage): Promise<number[]> {
    const rgb = decodeFaceImage(image);
    const h = await human();
    const tf = tfOf(h);
    const input = tf.tidy(() => tf.expandDims(tf.tensor3d(rgb.data, [rgb.height, rgb.width, 3], 'int32'), 0));
    try {
      const result = await exclusive(() => h.detect(input));
      const faces = result.face.filter((f) => f.score >= MIN_FACE_CONFIDENCE);
      if (faces.length === 0) throw faceImageError(image.field, 'NO_FACE');
      if (faces.length > 1) throw faceImageError(image.field, 'MULTIPLE_FACES', `${faces.length} faces`);
      const embedding = faces[0]?.embedding;
      if (!embedding || embedding.length === 0) throw faceImageError(image.field, 'NO_FACE');
      return Array.from(embedding);
    } finally {
      tf.dispose(input);
    }
  }
}
