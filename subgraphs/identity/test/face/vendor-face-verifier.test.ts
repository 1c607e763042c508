import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DomainError, Secret } from '@platform/kit';
import { VendorFaceVerifier } from '../../src/services/face/vendor-face-verifier';

/** The hosted-API provider against a small HTTP server playing the vendor: what is sent, and how answers map. */
const received: Array<{ path: string; auth: string | undefined; body: Record<string, unknown> }> = [];
let answer: { status: number; body: unknown } = { status: 200, body: {} };
let server: Server;
let verifier: VendorFaceVerifier;

const read = async (req: IncomingMessage) => {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
};

beforeAll(async () => {
  server = createServer((req, res) => {
    void read(req).then((body) => {
      received.push({ path: req.url ?? '', auth: req.headers.authorization, body });
      res.writeHead(answer.status, { 'content-type': 'application/json' }).end(JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  verifier = new VendorFaceVerifier({ url: `http://127.0.0.1:${port}/v1/`, apiKey: new Secret('vendor-key'), threshold: 0.8 });
});
afterAll(() => new Promise((resolve) => server.close(resolve)));
beforeEach(() => (received.length = 0));

const image = (field: string) => ({ bytes: Buffer.from('jpeg bytes'), field });

describe('the vendor face provider', () => {
  it('enrols by sending the photos (base64, bearer key) and keeps the template the vendor answers', async () => {
    answer = { status: 200, body: { template: 'vendor-template-1' } };
    await expect(verifier.enrol([image('images.0'), image('images.1')])).resolves.toBe('vendor-template-1');
    expect(received).toEqual([
      { path: '/v1/enrol', auth: 'Bearer vendor-key', body: { images: [Buffer.from('jpeg bytes').toString('base64'), Buffer.from('jpeg bytes').toString('base64')] } },
    ]);
  });

  it('verifies against the stored template: a match at or above the threshold only', async () => {
    answer = { status: 200, body: { score: 0.91 } };
    await expect(verifier.verify('vendor-template-1', image('faceImage'))).resolves.toEqual({ score: 0.91, match: true });
    expect(received[0]).toMatchObject({ path: '/v1/verify', body: { template: 'vendor-template-1' } });
    answer = { status: 200, body: { score: 0.42 } };
    await expect(verifier.verify('vendor-template-1', image('faceImage'))).resolves.toEqual({ score: 0.42, match: false });
  });

  it('a photo the vendor refuses is BAD_USER_INPUT naming that photo; any other failure is an error, never a match', async () => {
    answer = { status: 422, body: { error: { code: 'MULTIPLE_FACES', index: 1 } } };
    const refused = await verifier.enrol([image('images.0'), image('images.1')]).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(DomainError);
    expect((refused as DomainError).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'images.1', reason: 'MULTIPLE_FACES' });
    answer = { status: 500, body: { error: { message: 'down' } } };
    await expect(verifier.verify('t', image('faceImage'))).rejects.toThrow('The face vendor answered 500');
    answer = { status: 200, body: {} };
    await expect(verifier.verify('t', image('faceImage'))).rejects.toThrow('no score');
  });
});
