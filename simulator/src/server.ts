import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { partnerSignature, signaturesMatch, timestampFresh } from '@platform/kit';
import { CoreBook } from './core-book';
import { coreApiRoutes } from './core-api';
import { answer, matchRoute, type SimulatorReply, type SimulatorRequest, type SimulatorRoute } from './routes';

export interface CoreSimulatorOptions {
  port?: number; // 0 = any free port
  host?: string; // default 127.0.0.1
  tenantCode: string;
  apiKey: string;
  apiSecret: string; // verifies the platform's signed calls
  oauth?: { clientId: string; clientSecret: string };
  /** Extra routes (method, path, handler) mounted beside §§ 3/4/6, e.g. push commands. */
  routes?: SimulatorRoute[];
}

export interface ReceivedCall {
  method: string;
  path: string;
  body: unknown;
  headers: Record<string, string>;
  authenticated: boolean;
  at: Date;
}

export interface CoreSimulator {
  url: string; // the tenant_base_url to configure
  book: CoreBook;
  received(): ReceivedCall[]; // in arrival order, kept across stop/restart
  stop(): Promise<void>; // stops listening (calls then fail to connect)
  restart(): Promise<void>; // listens again on the same port
}

/** Bearer tokens live this long (`expires_in` of the token answer). */
export const TOKEN_TTL_SECONDS = 3600;
const MAX_BODY_BYTES = 5 * 1024 * 1024;

/**
 * Starts the tenant core system: §§ 3/4/6 behind the platform's signature (or an OAuth2 bearer token from
 * `POST /oauth/token` when `oauth` is configured), the extra routes beside them, every call journaled.
 */
export async function startCoreSimulator(options: CoreSimulatorOptions): Promise<CoreSimulator> {
  const book = new CoreBook();
  const journal: ReceivedCall[] = [];
  const tokens = new Map<string, number>();
  const routes = [...coreApiRoutes(book), ...(options.routes ?? [])];
  const host = options.host ?? '127.0.0.1';

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://simulator');
    const rawBody = await readBody(req);
    const headers = flatHeaders(req);
    const body = parseBody(rawBody, headers['content-type']);
    const method = (req.method ?? 'GET').toUpperCase();
    const authenticated = isAuthenticated(options, tokens, headers, rawBody);
    journal.push({ method, path: url.pathname, body, headers, authenticated, at: new Date() });

    if (options.oauth && method === 'POST' && url.pathname === '/oauth/token') {
      return send(res, issueToken(options.oauth, tokens, headers, body));
    }
    const found = matchRoute(routes, method, url.pathname);
    if (!found) return send(res, answer(404, '资源不存在'));
    if (found.route.authenticate && !authenticated) return send(res, answer(401, '认证失败'));
    const request: SimulatorRequest = {
      method,
      path: url.pathname,
      params: found.params,
      query: Object.fromEntries(url.searchParams),
      body,
      rawBody,
      headers,
      authenticated,
    };
    send(res, await found.route.handler(request));
  };

  let server: Server | undefined;
  const listen = (port: number): Promise<number> =>
    new Promise((resolve, reject) => {
      const s = createServer((req, res) => {
        handle(req, res).catch((err: unknown) => {
          if (!res.headersSent) send(res, answer(500, err instanceof Error ? err.message : 'server error'));
          else res.destroy();
        });
      });
      s.once('error', reject);
      s.listen(port, host, () => {
        server = s;
        resolve((s.address() as AddressInfo).port);
      });
    });

  const port = await listen(options.port ?? 0);
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    book,
    received: () => [...journal],
    stop: async () => {
      const s = server;
      server = undefined;
      if (!s) return;
      // Open keep-alive sockets would still reach the handler: drop them so calls fail as a stopped system's do.
      const closed = new Promise<void>((resolve) => s.close(() => resolve()));
      s.closeAllConnections();
      await closed;
    },
    restart: async () => {
      if (!server) await listen(port);
    },
  };
}

/** A valid signature with the configured key (fresh timestamp), or a live bearer token; a wrong tenant code never. */
function isAuthenticated(
  options: CoreSimulatorOptions,
  tokens: Map<string, number>,
  headers: Record<string, string>,
  rawBody: string,
): boolean {
  const tenantCode = headers['x-tenant-code'];
  if (tenantCode !== undefined && tenantCode !== options.tenantCode) return false;
  const bearer = /^Bearer (\S+)$/i.exec(headers.authorization ?? '')?.[1];
  if (bearer !== undefined) {
    const expires = tokens.get(bearer);
    return options.oauth !== undefined && expires !== undefined && expires > Date.now();
  }
  const apiKey = headers['x-api-key'];
  const timestamp = headers['x-timestamp'];
  const signature = headers['x-signature'];
  if (apiKey !== options.apiKey || !timestamp || !signature || !timestampFresh(timestamp)) return false;
  return signaturesMatch(partnerSignature(options.apiSecret, apiKey, timestamp, rawBody), signature);
}

/** RFC 6749 § 4.4: client_credentials, the client in HTTP Basic or in the form body. */
function issueToken(
  oauth: NonNullable<CoreSimulatorOptions['oauth']>,
  tokens: Map<string, number>,
  headers: Record<string, string>,
  body: unknown,
): SimulatorReply {
  const form = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const basic = /^Basic (\S+)$/i.exec(headers.authorization ?? '')?.[1];
  const [basicId, basicSecret] = basic ? Buffer.from(basic, 'base64').toString('utf8').split(':', 2) : [];
  const clientId = basicId ?? form.client_id;
  const clientSecret = basicSecret ?? form.client_secret;
  if (form.grant_type !== 'client_credentials') return { status: 400, body: { error: 'unsupported_grant_type' } };
  if (clientId !== oauth.clientId || clientSecret !== oauth.clientSecret) return { status: 401, body: { error: 'invalid_client' } };
  const token = randomBytes(24).toString('base64url');
  tokens.set(token, Date.now() + TOKEN_TTL_SECONDS * 1000);
  const scope = typeof form.scope === 'string' ? { scope: form.scope } : {};
  return { status: 200, body: { access_token: token, token_type: 'Bearer', expires_in: TOKEN_TTL_SECONDS, ...scope } };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) req.destroy(new Error('body too large'));
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function flatHeaders(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) out[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

function parseBody(raw: string, contentType = ''): unknown {
  if (raw === '') return null;
  if (contentType.startsWith('application/x-www-form-urlencoded')) return Object.fromEntries(new URLSearchParams(raw));
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return raw;
  }
}

function send(res: ServerResponse, reply: SimulatorReply): void {
  const text = JSON.stringify(reply.body);
  res.writeHead(reply.status ?? 200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}
