import { InProcessBus, type BusEvent } from '@platform/kit';
import { createAccount, ADMIN } from './support/fixtures';
import { startIdentity, type Harness } from './support/harness';

let bus: InProcessBus;
let h: Harness;
let created: BusEvent[];
beforeEach(async () => {
  bus = new InProcessBus();
  created = [];
  // Subscribed before start: the seeded accounts are announced too.
  await bus.subscribe('user-events-test', ['user.created'], async (event) => void created.push(event));
  h = await startIdentity({}, { bus });
});
afterEach(async () => {
  await h.close();
  await bus.close();
});

test('a created user is announced as user.created, with no credentials in it', async () => {
  const admin = await h.login(ADMIN.login, ADMIN.password);
  await bus.drain();
  const seeded = created.length;
  const user = await createAccount(h, admin.accessToken, { roleCode: 'user' });

  const deadline = Date.now() + 2000;
  while (created.length === seeded && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
  expect(created.slice(seeded)).toEqual([
    expect.objectContaining({
      topic: 'user.created',
      aggregateId: user.id,
      tenantId: expect.stringMatching(/^\d+$/),
      payload: { userId: Number(user.id), username: user.username, fullName: null, positionId: null },
    }),
  ]);
});

test('a deleted user is announced as user.deleted, so other subgraphs stop accepting it as a reference', async () => {
  const deleted: BusEvent[] = [];
  await bus.subscribe('user-deleted-test', ['user.deleted'], async (event) => void deleted.push(event));
  const admin = await h.login(ADMIN.login, ADMIN.password);
  const user = await createAccount(h, admin.accessToken, { roleCode: 'user' });
  await h.data(`mutation($id: ID!) { deleteUser(id: $id) }`, { id: user.id }, admin.accessToken);

  const deadline = Date.now() + 2000;
  while (deleted.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
  expect(deleted).toEqual([
    expect.objectContaining({ topic: 'user.deleted', aggregateId: user.id, payload: { userId: Number(user.id) } }),
  ]);
});
