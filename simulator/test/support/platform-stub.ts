import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { partnerSignature, signaturesMatch, timestampFresh, type PartnerSigningKey } from '@platform/kit';

/** One push as the stand-in platform received it. */
export interface ReceivedPush {
  path: string;
  headers: IncomingMessage['headers'];
  raw: string;
  body: Record<string, unknown>;
  /** Whether key, tenant code, timestamp and the signature over the raw body all held, as identity checks them. */
  verified: boolean;
  at: number;
}

export interface PlatformStub {
  url: string;
  received: ReceivedPush[];
  /** What a verified push is answered (default 200 with `answerFor`); a push that fails verification gets 401. */
  status: number;
  delayMs: number;
  close(): Promise<void>;
}

/**
 * A stand-in for the platform's REST adapter: verifies each push's signature and answers the CCO envelope — for an
 * import the batch's counts, for a repayment `applied` — so the pusher's side can be tested without the platform.
 */
export async function startPlatformStub(key: Required<PartnerSigningKey>): Promise<PlatformStub> {
  const stub = { url: '', received: [] as ReceivedPush[], status: 200, delayMs: 0 };
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
    req.on('end', () => {
      const h = (name: string) => String(req.headers[name] ?? '');
      const verified =
        h('x-api-key') === key.apiKey &&
        h('x-tenant-code') === key.tenantCode &&
        timestampFresh(h('x-timestamp')) &&
        signaturesMatch(partnerSignature(key.secret, key.apiKey, h('x-timestamp'), raw), h('x-signature'));
      const body = JSON.parse(raw) as Record<string, unknown>;
      stub.received.push({ path: req.url ?? '', headers: req.headers, raw, body, verified, at: Date.now() });
      const status = verified ? stub.status : 401;
      setTimeout(() => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(status === 200 ? { code: 200, message: '接收成功', data: answerFor(req.url ?? '', body) } : { code: status, message: '签名验证失败', data: null }));
      }, stub.delayMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  stub.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return Object.assign(stub, { close: () => new Promise<void>((resolve) => server.close(() => resolve())) });
}

function answerFor(path: string, body: Record<string, unknown>): unknown {
  if (path.endsWith('/cases/import')) {
    const total = (body.cases as unknown[]).length;
    return { push_batch_no: body.push_batch_no, total, success: total, failed: 0, errors: [] };
  }
  if (path.endsWith('/repayments') || path.endsWith('/repayment-notify')) return { repayment_id: body.repayment_id, case_code: body.case_code, applied: true };
  return { case_code: body.case_code };
}
