import { httpExecutor } from '../src';
import { bearer, startRouter, toyPlatform, type RunningRouter, type ToyPlatform } from './fixtures/toy-platform';

describe('httpExecutor (REST adapter in its own process)', () => {
  let platform: ToyPlatform;
  let running: RunningRouter;

  beforeAll(async () => {
    platform = await toyPlatform();
    running = await startRouter(platform, 'remote');
  });
  afterAll(() => running.close(), 30_000);

  it('runs an operation on the router as the caller', async () => {
    const result = await httpExecutor(running.url).execute({
      query: 'query Me { me { username } notes { text } }',
      operationName: 'Me',
      headers: { ...bearer(platform.token('2')), 'x-request-id': 'req-1' },
    });
    expect(result).toEqual({ data: { me: { username: 'bob' }, notes: [{ text: 'hello' }, { text: 'world' }] } });
  });

  it('passes validation errors through with their codes', async () => {
    const result = await httpExecutor(running.url).execute({ query: '{ notes { nope } }', headers: {} });
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('passes the router refusal of a bad token through', async () => {
    const result = await httpExecutor(running.url).execute({ query: '{ notes { id } }', headers: { authorization: 'Bearer bad' } });
    expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('answers UNAVAILABLE when the router cannot be reached', async () => {
    const result = await httpExecutor('http://127.0.0.1:9/graphql').execute({ query: '{ notes { id } }', headers: {} });
    expect(result.errors?.[0]?.extensions?.code).toBe('UNAVAILABLE');
  });
});
