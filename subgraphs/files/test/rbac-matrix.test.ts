import { createHash, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import type { Caller } from '@platform/kit';
import { authHeaders, baseRoleCallers, rbacMatrix } from '@platform/testkit';
import { files } from '@platform/files';
import { asIterator, callers, codeOf, FilesClient, finished, nextEvent, PROGRESS, syntheticGraph, TASK, TENANT } from './support/harness';

const roles = baseRoleCallers(TENANT, { SuperAdmin: '1', TenantAdmin: '2', admin: '3', user: '11', sales: '12', service: '13', collector: '14' });
const signedIn = Object.keys(roles).filter((role) => role !== 'anonymous');

let client: FilesClient;
beforeAll(async () => {
  client = await FilesClient.start({}, { graph: syntheticGraph(() => client.signer, 10) });
});
afterAll(() => client.close());

rbacMatrix({
  title: 'files RBAC matrix',
  schema: () => client.runtime.schema,
  rules: files.permissions,
  roles,
  context: (caller) => client.runtime.createContext(authHeaders(client.signer, caller)),
  cases: {
    // Missing ones: allowed callers get NOT_FOUND or BAD_USER_INPUT, the operation's business, not a refusal.
    'Query.file': { query: '{ file(id: "nope") { id } }', allow: signedIn },
    'Query.exportFile': { query: '{ exportFile(fileName: "nope.xlsx") { id } }', allow: signedIn },
    'Query.files': { query: '{ files { total } }', allow: signedIn },
    'Query.exportTask': { query: '{ exportTask(id: "nope") { id } }', allow: signedIn },
    'Mutation.registerUpload': {
      query: `mutation { registerUpload(input: { stagingKey: "staging/0/x", filename: "a", size: 1, sha256: "${'0'.repeat(64)}", contentType: "text/plain", category: document }) { id } }`,
      allow: signedIn,
    },
    'Mutation.startUserExport': { query: 'mutation { startUserExport { id } }', allow: signedIn },
    'Mutation.startWorkLogExport': { query: 'mutation { startWorkLogExport(filter: { startDate: "2024-01-01" }) { id } }', allow: signedIn },
    'Subscription.taskProgress': { query: 'subscription { taskProgress(taskId: "nope") { id } }', allow: signedIn },
  },
});

/** Stages bytes as the REST adapter does and registers them as `owner`. */
async function uploadAs(owner: Caller, category: string, text = 'hello') {
  const stagingKey = `staging/${owner.userId}/${randomUUID()}`;
  await client.runtime.services.storage.put(stagingKey, Readable.from([Buffer.from(text)]), { contentType: 'text/plain' });
  const sha256 = createHash('sha256').update(text).digest('hex');
  const input = { stagingKey, filename: 'a.txt', size: text.length, sha256, contentType: 'text/plain', category };
  return { stagingKey, input };
}

const REGISTER = 'mutation R($input: RegisterUploadInput!) { registerUpload(input: $input) { id ownerId tenantId size sha256 storageKey category } }';

describe('who reads which file and task (owner, tenant admin, another user, another tenant)', () => {
  let documentId: string;
  let avatarId: string;
  let taskId: string;
  beforeAll(async () => {
    documentId = (await client.ok<{ registerUpload: { id: string } }>(callers.alice, REGISTER, { input: (await uploadAs(callers.alice, 'document')).input })).registerUpload.id;
    avatarId = (await client.ok<{ registerUpload: { id: string } }>(callers.alice, REGISTER, { input: (await uploadAs(callers.alice, 'avatar')).input })).registerUpload.id;
    taskId = await client.queueExport(callers.alice, 'synthetic');
    await finished(client, callers.alice, taskId);
  });

  const FILE = 'query F($id: ID!) { file(id: $id) { id } }';
  const table: Array<[string, Caller, { document: boolean; avatar: boolean; task: boolean }]> = [
    ['the owner', callers.alice, { document: true, avatar: true, task: true }],
    ['a tenant admin', callers.tenantAdmin, { document: true, avatar: true, task: true }],
    ['an admin of the tenant', callers.admin, { document: true, avatar: true, task: true }],
    ['the platform super admin', callers.superAdmin, { document: true, avatar: true, task: true }],
    ['another user of the tenant', callers.bob, { document: false, avatar: true, task: false }],
    ['a user of another tenant', callers.outsider, { document: false, avatar: false, task: false }],
    ['an admin of another tenant', callers.otherAdmin, { document: false, avatar: false, task: false }],
  ];
  test.each(table)('%s', async (_who, caller, may) => {
    const verdict = async (query: string, id: string) => {
      const result = await client.run(caller, query, { id });
      if (!result.errors) return true;
      expect(codeOf(result)).toBe('NOT_FOUND');
      return false;
    };
    expect({
      document: await verdict(FILE, documentId),
      avatar: await verdict(FILE, avatarId),
      task: await verdict(TASK, taskId),
    }).toEqual(may);
  });

  test('files lists the tenant\u2019s files to its admins and their own to others, never another tenant\u2019s', async () => {
    const total = async (c: Caller) => (await client.ok<{ files: { total: number } }>(c, '{ files { total } }')).files.total;
    const ownedByAlice = await total(callers.alice);
    expect(ownedByAlice).toBeGreaterThanOrEqual(3); // document, avatar, the export
    expect(await total(callers.admin)).toBeGreaterThanOrEqual(ownedByAlice);
    expect(await total(callers.bob)).toBe(0);
    expect(await total(callers.otherAdmin)).toBe(0);
  });

  test('taskProgress reaches the task\u2019s requester only', async () => {
    const id = await client.queueExport(callers.bob, 'synthetic');
    const own = asIterator(await client.subscribe(callers.bob, PROGRESS(id)));
    const admin = asIterator(await client.subscribe(callers.admin, PROGRESS(id)));
    const ownEvent = nextEvent(own);
    const adminEvent = nextEvent(admin, 3000);
    expect(await ownEvent).toMatchObject({ data: { taskProgress: { id } } });
    await expect(adminEvent).rejects.toThrow('no event');
    await own.return?.();
    await admin.return?.();
  });
});

describe('registerUpload checks the staged object', () => {
  test('another user\u2019s staging key, a wrong size, a wrong hash, nothing staged: BAD_USER_INPUT naming the field, nothing recorded', async () => {
    const { input } = await uploadAs(callers.alice, 'document');
    const fieldOf = async (as: Caller, change: Record<string, unknown>) => {
      const result = await client.run(as, REGISTER, { input: { ...input, ...change } });
      expect(codeOf(result)).toBe('BAD_USER_INPUT');
      return result.errors![0].extensions.field;
    };
    expect(await fieldOf(callers.bob, {})).toBe('stagingKey');
    expect(await fieldOf(callers.alice, { size: 4 })).toBe('size');
    expect(await fieldOf(callers.alice, { sha256: 'f'.repeat(64) })).toBe('sha256');
    expect(await fieldOf(callers.alice, { stagingKey: `staging/${callers.alice.userId}/missing` })).toBe('stagingKey');
    // The staged object is still there: the correct registration now succeeds, once, and moves it.
    const ok = await client.ok<{ registerUpload: { ownerId: string; tenantId: string; storageKey: string } }>(callers.alice, REGISTER, { input });
    expect(ok.registerUpload).toMatchObject({ ownerId: callers.alice.userId, tenantId: TENANT, storageKey: expect.stringMatching(/^files\/1\//) });
    expect(await client.runtime.services.storage.head(input.stagingKey)).toBeUndefined();
    expect(codeOf(await client.run(callers.alice, REGISTER, { input }))).toBe('BAD_USER_INPUT');
  });
});
