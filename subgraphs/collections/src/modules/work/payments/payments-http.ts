import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '@platform/kit';
import type { LocalPaymentGateway } from './local-payment-gateway';
import { receivePaymentCallback, type CallbackDeps } from './payment-callback';

/** A callback body is a few hundred bytes; anything far larger is not one. */
const MAX_BODY = 64 * 1024;

export const CALLBACK_PATH = '/payments/callback';

export interface PaymentsHttp {
  /** The base URL it is reached at (the configured public URL, else http://localhost:<port>). */
  baseUrl(): string;
  close(): Promise<void>;
}

function readBody(request: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        resolve(null);
        request.destroy();
      } else chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

/**
 * The payments HTTP endpoint of collections: `POST /payments/callback`, where the gateway reports payments (signed),
 * and, with the local gateway, the debtors' payable pages `/pay/<ref>`. It is its own small server because the
 * embedded platform runs collections without an HTTP server of its own.
 */
export async function startPaymentsHttp(options: {
  port: number;
  host?: string;
  publicUrl?: string;
  callback: CallbackDeps;
  local?: LocalPaymentGateway;
  logger: Logger;
}): Promise<PaymentsHttp> {
  const server: Server = createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0];
    const handled = async () => {
      if (path === CALLBACK_PATH && request.method === 'POST') {
        const raw = await readBody(request);
        const answer = raw === null ? { status: 413, body: { code: 413, message: 'body too large' } } : await receivePaymentCallback(options.callback, request.headers, raw);
        response.writeHead(answer.status, { 'content-type': 'application/json' }).end(JSON.stringify(answer.body));
        return;
      }
      if (options.local && (await options.local.handle(request, response, path))) return;
      response.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ code: 404, message: 'not found' }));
    };
    handled().catch((err: unknown) => {
      options.logger.error({ err, path }, 'payments endpoint failed');
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ code: 500, message: 'internal error' }));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  server.unref();
  const port = (server.address() as AddressInfo).port;
  const base = (options.publicUrl ?? `http://localhost:${port}`).replace(/\/$/, '');
  return {
    baseUrl: () => base,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
