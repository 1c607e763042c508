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
      payload: { userId: Number(user.id), username: user.username, fullName: null, positionId: null, roles: ['user'], status: 'active' },
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

test('a name or position change is announced as user.updated; the position tree as position.changed', async () => {
  const seen: BusEvent[] = [];
  await bus.subscribe('org-events-test', ['user.updated', 'position.changed'], async (event) => void seen.push(event));
  const admin = await h.login(ADMIN.login, ADMIN.password);
  const create = `mutation($input: PositionInput!) { createPosition(input: $input) { id } }`;
  const lead = (await h.data(create, { input: { name: 'Lead', code: 'ev-lead', level: 1 } }, admin.accessToken)).createPosition.id;
  const dev = (await h.data(create, { input: { name: 'Dev', code: 'ev-dev', level: 2, parentId: lead } }, admin.accessToken)).createPosition.id;
  const user = await createAccount(h, admin.accessToken, { roleCode: 'user' });
  await h.data(`mutation($id: ID!, $input: UpdateUserInput!) { updateUser(id: $id, input: $input) { id } }`, {
    id: user.id,
    input: { fullName: 'Dev One', positionId: dev },
  }, admin.accessToken);
  await h.data(`mutation($id: ID!) { movePosition(id: $id, newParentId: null) { id } }`, { id: dev }, admin.accessToken);
  await h.data(`mutation($id: ID!, $input: UpdateUserInput!) { updateUser(id: $id, input: $input) { id } }`, {
    id: user.id,
    input: { positionId: null },
  }, admin.accessToken);
  await h.data(`mutation($id: ID!) { deletePosition(id: $id) }`, { id: dev }, admin.accessToken);

  const deadline = Date.now() + 2000;
  while (seen.length < 6 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
  const tenantId = expect.stringMatching(/^\d+$/);
  expect(seen.map(({ topic, aggregateId, payload }) => ({ topic, aggregateId, payload }))).toEqual([
    { topic: 'position.changed', aggregateId: lead, payload: { positionId: Number(lead), parentId: null, deleted: false } },
    { topic: 'position.changed', aggregateId: dev, payload: { positionId: Number(dev), parentId: Number(lead), deleted: false } },
    { topic: 'user.updated', aggregateId: user.id, payload: { userId: Number(user.id), username: user.username, fullName: 'Dev One', positionId: Number(dev), roles: ['user'], status: 'active' } },
    { topic: 'position.changed', aggregateId: dev, payload: { positionId: Number(dev), parentId: null, deleted: false } },
    { topic: 'user.updated', aggregateId: user.id, payload: { userId: Number(user.id), username: user.username, fullName: 'Dev One', positionId: null, roles: ['user'], status: 'active' } },
    { topic: 'position.changed', aggregateId: dev, payload: { positionId: Number(dev), parentId: null, deleted: true } },
  ]);
  expect(seen.every((e) => tenantId.asymmetricMatch(e.tenantId))).toBe(true);
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
      payload: { userId: Number(user.id), username: user.username, fullName: null, positionId: null, roles: ['collector'], status: 'inactive' },
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
