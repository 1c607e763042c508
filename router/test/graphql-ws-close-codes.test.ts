import { CloseCode, GRAPHQL_TRANSPORT_WS_PROTOCOL } from 'graphql-ws';
import WebSocket from 'ws';
import { startRouter, toyPlatform, type RunningRouter, type ToyPlatform } from './fixtures/toy-platform';

/** A raw `ws` client speaking graphql-transport-ws by hand, to see exactly how the router closes. */
class RawSocket {
  readonly messages: unknown[] = [];
  readonly closed: Promise<{ code: number; reason: string }>;
  private readonly socket: WebSocket;

  /** `protocol` null: the client names no subprotocol at all. */
  constructor(url: string, protocol: string | null = GRAPHQL_TRANSPORT_WS_PROTOCOL) {
    this.socket = protocol === null ? new WebSocket(url) : new WebSocket(url, protocol);
    this.socket.on('message', (raw: Buffer) => this.messages.push(JSON.parse(raw.toString('utf8'))));
    this.closed = new Promise((resolve) => this.socket.once('close', (code, reason) => resolve({ code, reason: reason.toString() })));
  }

  opened(): Promise<void> {
    return new Promise((resolve, reject) => {
      if (this.socket.readyState === WebSocket.OPEN) return resolve();
      this.socket.once('open', () => resolve());
      this.socket.once('error', reject);
    });
  }

  async send(message: unknown): Promise<void> {
    await this.opened();
    this.socket.send(typeof message === 'string' ? message : JSON.stringify(message));
  }

  /** Sends connection_init and waits for the ack. */
  async init(token: string): Promise<void> {
    await this.send({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } });
    const deadline = Date.now() + 5000;
    while (!this.messages.some((m) => (m as { type?: string }).type === 'connection_ack')) {
      if (Date.now() > deadline) throw new Error('no connection_ack');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  close(): void {
    this.socket.terminate();
  }
}

const SUBSCRIBE = (id: string) => ({ id, type: 'subscribe', payload: { query: 'subscription { noteAdded { text } }' } });

/** The graphql-ws protocol's close codes (PROTOCOL.md), each as the router answers it. */
describe('graphql-ws close codes', () => {
  let platform: ToyPlatform;
  let running: RunningRouter;
  const sockets: RawSocket[] = [];

  beforeAll(async () => {
    platform = await toyPlatform();
    running = await startRouter(platform, 'local');
  });
  afterEach(() => sockets.splice(0).forEach((s) => s.close()));
  afterAll(() => running.close(), 30_000);

  const open = (protocol?: string | null) => {
    const socket = new RawSocket(running.wsUrl, protocol);
    sockets.push(socket);
    return socket;
  };

  it('4400 for a message that is not a protocol message', async () => {
    const socket = open();
    await socket.init(platform.token('1'));
    await socket.send('{not json');
    expect((await socket.closed).code).toBe(CloseCode.BadRequest);

    const unknown = open();
    await unknown.send({ type: 'connection_init', payload: 'not an object' });
    expect((await unknown.closed).code).toBe(4400);
  });

  it('4401 for a subscribe before the connection was acknowledged', async () => {
    const socket = open();
    await socket.send(SUBSCRIBE('1'));
    expect(await socket.closed).toEqual({ code: CloseCode.Unauthorized, reason: 'Unauthorized' });
  });

  it('4403 for a connection_init without a valid token', async () => {
    const socket = open();
    await socket.send({ type: 'connection_init', payload: { authorization: 'Bearer forged' } });
    expect(await socket.closed).toEqual({ code: CloseCode.Forbidden, reason: 'Forbidden' });
    const anonymous = open();
    await anonymous.send({ type: 'connection_init' });
    expect((await anonymous.closed).code).toBe(4403);
  });

  it('4408 when no connection_init arrives within the wait timeout (3 s)', async () => {
    const socket = open();
    await socket.opened();
    const started = Date.now();
    expect(await socket.closed).toEqual({ code: CloseCode.ConnectionInitialisationTimeout, reason: 'Connection initialisation timeout' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(2900);
  }, 10_000);

  it('4409 for a second subscribe with an id already in use', async () => {
    const socket = open();
    await socket.init(platform.token('1'));
    await socket.send(SUBSCRIBE('same'));
    await socket.send(SUBSCRIBE('same'));
    expect(await socket.closed).toEqual({ code: CloseCode.SubscriberAlreadyExists, reason: 'Subscriber for same already exists' });
  });

  it('4429 for a second connection_init', async () => {
    const socket = open();
    await socket.init(platform.token('1'));
    await socket.send({ type: 'connection_init', payload: { authorization: `Bearer ${platform.token('1')}` } });
    expect(await socket.closed).toEqual({ code: CloseCode.TooManyInitialisationRequests, reason: 'Too many initialisation requests' });
  });

  it('4406 for a socket that does not ask for graphql-transport-ws', async () => {
    const socket = open(null);
    expect((await socket.closed).code).toBe(CloseCode.SubprotocolNotAcceptable);
  });
});
