import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { captureLogs, LOG_LEVEL, type LogLine } from '@platform/testkit';
import { NOTE_ADDED } from './fixtures/notes.subgraph';
import { bearer, post, startRouter, toyPlatform, type RunningRouter, type ToyPlatform, type UpstreamKind } from './fixtures/toy-platform';
import { until } from './fixtures/until';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const PASSWORD = 'correct-horse-battery-staple';
const LOGIN = 'mutation Login($username: String!, $password: String!) { login(username: $username, password: $password) }';

describe.each<UpstreamKind>(['local', 'remote'])('router logs (%s subgraphs)', (kind) => {
  let platform: ToyPlatform;
  let running: RunningRouter;
  const logs = captureLogs('debug');
  const clients: Client[] = [];
  /** Every token this suite sends, for the last test. */
  const tokens: string[] = [];
  const token = (userId = '1') => {
    const t = platform.token(userId);
    tokens.push(t);
    return t;
  };

  beforeAll(async () => {
    platform = await toyPlatform();
    running = await startRouter(platform, kind, { logger: logs.logger });
  });
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => Promise.resolve(c.dispose())));
    await until(() => platform.pubSub.subscriberCount(NOTE_ADDED) === 0);
  });
  afterAll(() => running.close(), 30_000);

  /** The router's operation lines (info) for a request id; subgraphs log theirs at debug. */
  const operationLines = (requestId: string) =>
    logs.lines().filter((l) => l.msg === 'graphql operation' && l.level === LOG_LEVEL.info && l.requestId === requestId);

  describe('over HTTP', () => {
    it('logs one line per operation with the client request id, which the response echoes', async () => {
      const response = await post(running.url, { query: 'query Notes { notes { id } }' }, { 'x-request-id': 'client-req-1' });

      expect(response.headers.get('x-request-id')).toBe('client-req-1');
      const lines = operationLines('client-req-1');
      expect(lines).toEqual([
        expect.objectContaining({ operationName: 'Notes', operationType: 'query', ms: expect.any(Number) }),
      ]);
      expect(lines[0]).not.toHaveProperty('errorCodes');
    });

    it('generates a request id when the client sends none, or one unsafe to log', async () => {
      const sent: Record<string, string>[] = [{}, { 'x-request-id': 'two words' }];
      for (const headers of sent) {
        const response = await post(running.url, { query: '{ notes { id } }' }, headers);
        const requestId = response.headers.get('x-request-id')!;
        expect(requestId).toMatch(UUID);
        expect(operationLines(requestId)).toEqual([expect.objectContaining({ operationType: 'query' })]);
      }
    });

    it('names the error codes the client got', async () => {
      await post(running.url, { query: 'query Me { me { username } }' }, { 'x-request-id': 'anon-me' });
      expect(operationLines('anon-me')).toEqual([expect.objectContaining({ operationName: 'Me', errorCodes: ['UNAUTHENTICATED'] })]);
    });

    it('logs an operation refused for its token, with the request id in the 401 response', async () => {
      const response = await post(
        running.url,
        { query: 'query Me { me { username } }', operationName: 'Me' },
        { authorization: 'Bearer not-a-jwt', 'x-request-id': 'bad-token' },
      );
      expect(response.status).toBe(401);
      expect(response.headers.get('x-request-id')).toBe('bad-token');
      expect(operationLines('bad-token')).toEqual([
        expect.objectContaining({ operationName: 'Me', operationType: null, errorCodes: ['UNAUTHENTICATED'] }),
      ]);
    });

    it('logs an unexpected error with the request id it broke', async () => {
      await post(running.url, { query: '{ boom }' }, { 'x-request-id': 'boom-1' });
      const errors = logs.lines().filter((l) => l.msg === 'unexpected error' && l.requestId === 'boom-1');
      // In remote mode the subgraph logs it too, with the id the router forwarded; what it answered the router is
      // masked like any client's answer, so the real message is in the subgraph's line.
      expect(errors.length).toBe(kind === 'remote' ? 2 : 1);
      expect(errors.every((l) => l.level === LOG_LEVEL.error)).toBe(true);
      expect(errors.some((l) => (l.err as { message: string }).message.includes('connection string'))).toBe(true);
      expect(operationLines('boom-1')).toEqual([expect.objectContaining({ errorCodes: ['INTERNAL'] })]);
    });

    it('never logs a password variable or the Authorization header', async () => {
      const ann = token('1');
      const variables = { username: 'ann', password: PASSWORD };
      const { body } = await post(running.url, { query: LOGIN, variables }, { ...bearer(ann), 'x-request-id': 'login-1' });
      expect(body).toEqual({ data: { login: 'signed-in' } });
      await post(running.url, { query: LOGIN, variables }, { authorization: `Bearer ${PASSWORD}`, 'x-request-id': 'login-2' });

      expect(operationLines('login-1')).toEqual([expect.objectContaining({ operationName: 'Login', operationType: 'mutation' })]);
      expect(operationLines('login-2')).toEqual([expect.objectContaining({ errorCodes: ['UNAUTHENTICATED'] })]);
      expect(logs.text()).not.toContain(PASSWORD);
      expect(logs.text()).not.toContain(ann);
    });

    if (kind === 'remote') {
      it('is traced into the subgraph, which logs the same request id at debug level', async () => {
        await post(running.url, { query: '{ notes { text author { username } } }' }, { 'x-request-id': 'traced-1' });
        const subgraphLines = logs.lines().filter((l) => l.msg === 'graphql operation' && l.level === LOG_LEVEL.debug && l.requestId === 'traced-1');
        expect(subgraphLines.length).toBe(2); // notes, then the users entity fetch
        expect(operationLines('traced-1')).toHaveLength(1);
      });
    }
  });

  describe('in process (the embedded REST adapter)', () => {
    it('logs the request id the adapter forwards, and refusals alike', async () => {
      const { executor } = running.router;
      await executor.execute({ query: 'query Notes { notes { id } }', operationName: 'Notes', headers: { 'x-request-id': 'rest-1' } });
      await executor.execute({ query: LOGIN, variables: { username: 'ann', password: PASSWORD }, headers: { authorization: 'Bearer nope', 'x-request-id': 'rest-2' } });

      expect(operationLines('rest-1')).toEqual([expect.objectContaining({ operationName: 'Notes', operationType: 'query' })]);
      expect(operationLines('rest-2')).toEqual([expect.objectContaining({ errorCodes: ['UNAUTHENTICATED'] })]);
      expect(logs.text()).not.toContain(PASSWORD);
    });
  });

  describe('over graphql-ws', () => {
    const connect = () => {
      const client = createClient({
        url: running.wsUrl,
        webSocketImpl: WebSocket,
        connectionParams: { authorization: `Bearer ${token('1')}` },
        retryAttempts: 0,
      });
      clients.push(client);
      return client;
    };
    const linesFor = (requestId: string, msg: string) => logs.lines().filter((l) => l.msg === msg && l.requestId === requestId);

    it('logs a subscription when it starts and when it ends, under the client request id', async () => {
      const events = connect().iterate({ query: 'subscription Live { noteAdded { text } }', extensions: { requestId: 'sub-1' } });
      const first = events.next();
      await until(() => platform.pubSub.subscriberCount(NOTE_ADDED) === 1);
      expect(linesFor('sub-1', 'subscription started')).toEqual([
        expect.objectContaining({ level: LOG_LEVEL.info, operationName: 'Live', operationType: 'subscription' }),
        // The subgraph opened the primary subscription under the same id.
        ...(kind === 'remote' ? [expect.objectContaining({ level: LOG_LEVEL.debug, operationType: 'subscription' })] : []),
      ]);
      platform.pubSub.publish(NOTE_ADDED, { id: 'x', text: 'live', author: { id: '1' } });
      await first;
      await events.return?.();

      await until(() => operationLines('sub-1').length === 1);
      expect(operationLines('sub-1')[0]).toMatchObject({ operationName: 'Live', operationType: 'subscription', ms: expect.any(Number) });
    });

    it('generates a request id per subscription when the client sends none', async () => {
      const events = connect().iterate({ query: 'subscription { noteAdded { text } }' });
      const first = events.next();
      await until(() => platform.pubSub.subscriberCount(NOTE_ADDED) === 1);
      const started = logs.lines().filter((l) => l.msg === 'subscription started' && l.level === LOG_LEVEL.info).at(-1)!;
      expect(started.requestId).toMatch(UUID);
      platform.pubSub.publish(NOTE_ADDED, { id: 'y', text: 'again', author: { id: '1' } });
      await first;
      await events.return?.();
      await until(() => operationLines(started.requestId!).length === 1);
    });

    it('logs a query sent over the socket once, and one refused before it ran with its error code', async () => {
      const client = connect();
      await client.iterate({ query: 'query Notes { notes { id } }', extensions: { requestId: 'ws-query' } }).next();
      await client.iterate({ query: '{ nope }', extensions: { requestId: 'ws-invalid' } }).next().catch(() => undefined);

      await until(() => operationLines('ws-invalid').length === 1);
      expect(operationLines('ws-query')).toEqual([expect.objectContaining({ operationName: 'Notes', operationType: 'query' })]);
      expect(operationLines('ws-invalid')).toEqual([expect.objectContaining({ errorCodes: ['BAD_USER_INPUT'] })]);
    });
  });

  it('never logs any token the suite sent', () => {
    expect(tokens.length).toBeGreaterThan(0);
    const leaked = logs.lines().filter((line: LogLine) => tokens.some((t) => JSON.stringify(line).includes(t)));
    expect(leaked).toEqual([]);
  });
});
