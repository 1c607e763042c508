import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { documentHash, type TrustedDocumentsMode } from '../src';
import { NOTE_ADDED } from './fixtures/notes.subgraph';
import { until } from './fixtures/until';
import { bearer, post, startRouter, toyPlatform, type RunningRouter, type ToyPlatform } from './fixtures/toy-platform';

const TRUSTED = 'query Notes { notes { id } }';
const TRUSTED_SUBSCRIPTION = 'subscription Added { noteAdded { id } }';
const TRUSTED_MUTATION = 'mutation Add { addNote(text: "live") { id } }';
const UNTRUSTED = '{ users { id username } }';

const refusal = {
  errors: [expect.objectContaining({ extensions: expect.objectContaining({ code: 'FORBIDDEN', reason: 'UNTRUSTED_DOCUMENT' }) })],
};

// Tests start routers of their own (two in one test): seconds each on a loaded 2-core machine.
jest.setTimeout(30_000);

describe('trusted documents: the router runs only operations on its allow-list', () => {
  let platform: ToyPlatform;
  const routers: RunningRouter[] = [];
  const start = async (mode: TrustedDocumentsMode, exemptPlatformAdmins = false) => {
    const router = await startRouter(platform, 'local', {
      production: true,
      trustedDocuments: { mode, hashes: [TRUSTED, TRUSTED_SUBSCRIPTION, TRUSTED_MUTATION].map(documentHash), exemptPlatformAdmins },
    });
    routers.push(router);
    return router;
  };
  const platformAdminToken = () =>
    platform.signer.signAccess(
      { userId: '1', username: 'ann', tenantId: null, roles: ['super_admin'], permissions: [], scope: 'platform', sessionId: 's-admin' },
      600,
    );

  beforeAll(async () => {
    platform = await toyPlatform();
  });
  afterAll(async () => {
    for (const router of routers) await router.close();
  });

  it('enforce: refuses a document off the list over HTTP before validating it, calling no subgraph', async () => {
    const router = await start('enforce');
    const before = platform.calls.total();
    const { status, body } = await post(router.url, { query: UNTRUSTED }, bearer(platform.token()));
    expect(status).toBe(403);
    expect(body).toEqual(refusal);
    // An invalid document is refused the same way: no validation message describes the schema.
    expect((await post(router.url, { query: '{ notez { id } }' })).body).toEqual(refusal);
    expect(platform.calls.total()).toBe(before);
  });

  it('enforce: runs a listed document, whatever its layout', async () => {
    const router = await start('enforce');
    const relaid = 'query Notes {\n  # the same document\n  notes { id }\n}';
    expect((await post(router.url, { query: relaid })).body).toEqual({ data: { notes: [{ id: 'n1' }, { id: 'n2' }] } });
  });

  it('enforce: applies over WebSocket too', async () => {
    const router = await start('enforce');
    const client = createClient({ url: router.wsUrl, webSocketImpl: WebSocket, connectionParams: bearer(platform.token()), retryAttempts: 0 });
    try {
      await expect(client.iterate({ query: 'subscription { noteAdded { id text } }' }).next()).rejects.toEqual(refusal.errors);
      const listed = client.iterate({ query: TRUSTED_SUBSCRIPTION });
      const next = listed.next();
      await until(() => platform.pubSub.subscriberCount(NOTE_ADDED) === 1);
      const added = await post(router.url, { query: TRUSTED_MUTATION }, bearer(platform.token()));
      await expect(next).resolves.toEqual({ done: false, value: { data: { noteAdded: { id: added.body.data.addNote.id } } } });
      await listed.return?.();
    } finally {
      await client.dispose();
    }
  });

  it('exempts signed-in platform admins only when configured', async () => {
    const strict = await start('enforce');
    expect((await post(strict.url, { query: UNTRUSTED }, bearer(platformAdminToken()))).body).toEqual(refusal);
    const exempting = await start('enforce', true);
    expect((await post(exempting.url, { query: UNTRUSTED }, bearer(platformAdminToken()))).body.data.users).toHaveLength(2);
    expect((await post(exempting.url, { query: UNTRUSTED }, bearer(platform.token()))).body).toEqual(refusal);
  });

  it('log: runs a document off the list (and reports it)', async () => {
    const router = await start('log');
    expect((await post(router.url, { query: UNTRUSTED })).body.data.users).toHaveLength(2);
  });
});
