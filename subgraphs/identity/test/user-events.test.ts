import { InProcessBus, type BusEvent } from '@platform/kit';
import { createAccount, ADMIN, SUPER_ADMIN } from './support/fixtures';
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
      payload: { userId: Number(user.id), username: user.username, roles: ['user'], status: 'active' },
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

test('a role or status change is announced as user.updated (roles and status, for other subgraphs\' directories) and audited', async () => {
  const updated: BusEvent[] = [];
  const audited: BusEvent[] = [];
  await bus.subscribe('user-updated-test', ['user.updated'], async (event) => void updated.push(event));
  await bus.subscribe('audit-test', ['audit.recorded'], async (event) => void audited.push(event));
  const admin = await h.login(ADMIN.login, ADMIN.password);
  const user = await createAccount(h, admin.accessToken, { roleCode: 'user' });
  await h.data(`mutation($id: ID!) { updateUser(id: $id, input: { roleCode: "collector", status: inactive }) { id } }`, { id: user.id }, admin.accessToken);

  const deadline = Date.now() + 2000;
  while ((updated.length === 0 || audited.length < 2) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
  expect(updated).toEqual([
    expect.objectContaining({
      topic: 'user.updated',
      aggregateId: user.id,
      payload: { userId: Number(user.id), username: user.username, roles: ['collector'], status: 'inactive' },
    }),
  ]);
  const entries = audited.map((e) => e.payload as Record<string, unknown>).filter((p) => p.resourceId === user.id);
  expect(entries).toEqual([
    expect.objectContaining({ source: 'identity', action: 'create', resourceType: 'user', actorName: ADMIN.login }),
    expect.objectContaining({
      action: 'update',
      before: expect.objectContaining({ roles: ['user'], status: 'active' }),
      after: expect.objectContaining({ roles: ['collector'], status: 'inactive' }),
    }),
  ]);
});

test('tenants are announced as tenant.changed (code and zone); tenant and role changes are audited', async () => {
  const tenants: BusEvent[] = [];
  const audited: BusEvent[] = [];
  await bus.subscribe('tenant-test', ['tenant.changed'], async (event) => void tenants.push(event));
  await bus.subscribe('audit-roles-test', ['audit.recorded'], async (event) => void audited.push(event));
  const root = await h.login(SUPER_ADMIN.login, SUPER_ADMIN.password);
  const created = await h.data<{ createTenant: { id: string } }>(
    `mutation { createTenant(input: { code: "ACME", name: "Acme", countryCode: "CN" }) { id } }`, {}, root.accessToken,
  );
  const tenantId = created.createTenant.id;
  await h.data(`mutation($id: ID!) { updateTenant(id: $id, input: { zone: "Asia/Tokyo" }) { id } }`, { id: tenantId }, root.accessToken);
  const admin = await h.login(ADMIN.login, ADMIN.password);
  await h.data(`mutation { createRole(input: { code: "auditor", name: "Auditor", permissions: ["audit:read"] }) { id } }`, {}, admin.accessToken);

  const deadline = Date.now() + 2000;
  const done = () => tenants.filter((e) => e.aggregateId === tenantId).length >= 2 && audited.some((e) => (e.payload as { resourceType: string }).resourceType === 'role');
  while (!done() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
  expect(tenants.filter((e) => e.aggregateId === tenantId).map((e) => e.payload)).toEqual([
    { tenantId: Number(tenantId), code: 'ACME', zone: 'Asia/Shanghai' },
    { tenantId: Number(tenantId), code: 'ACME', zone: 'Asia/Tokyo' },
  ]);
  const entries = audited.map((e) => e.payload as { resourceType: string; action: string; after?: Record<string, unknown> });
  expect(entries.filter((p) => p.resourceType === 'tenant').map((p) => p.action)).toEqual(['create', 'update']);
  expect(entries.find((p) => p.resourceType === 'role')).toMatchObject({ action: 'create', after: { code: 'auditor', permissions: ['audit:read'] } });
});
