import { composeSupergraph } from '@platform/testkit';
import { forkForTenant, SqlCounter } from '@platform/kit';
import { User } from '../src';
import { platformEm, seededIds, startIdentity, type Harness } from './support/harness';
import { ADMIN } from './support/fixtures';

const counter = new SqlCounter();
let h: Harness;
let adminToken: string;
beforeAll(async () => {
  h = await startIdentity({}, { sqlCounter: counter });
  adminToken = (await h.login(ADMIN.login, ADMIN.password)).accessToken;
});
afterAll(() => h.close());

const ENTITIES = /* GraphQL */ `
  query($r: [_Any!]!) {
    _entities(representations: $r) {
      ... on User { id username role { code } }
      ... on Tenant { code }
      ... on Role { code }
      ... on Position { name }
      ... on Menu { code }
    }
  }
`;

test('User, Tenant, Role, Position and Menu are entities keyed by id', () => {
  for (const type of ['User', 'Tenant', 'Role', 'Position', 'Menu']) {
    expect(h.runtime.sdl).toMatch(new RegExp(`type ${type} @key\\(fields: "id"\\)`));
  }
});

test('composes with a subgraph that references User and contributes a field to it', () => {
  const worklogs = `
    extend schema @link(url: "https://specs.apollo.dev/federation/v2.14", import: ["@key"])
    type User @key(fields: "id") { id: ID! workLogCount: Int! }
    type WorkLog @key(fields: "id") { id: ID! employee: User! }
    type Query { workLogs: [WorkLog!]! }
  `;
  const supergraph = composeSupergraph([
    { name: 'identity', sdl: h.runtime.sdl },
    { name: 'worklogs', sdl: worklogs },
  ]);
  expect(supergraph).toContain('workLogCount');
  expect(supergraph).toContain('username');
});

test('the router’s entity fetches resolve every entity type within the caller’s tenant', async () => {
  const ids = await seededIds(h);
  const em = platformEm(h);
  const [role] = await em.getConnection().execute(`select id from role where code = 'admin' and tenant_id = ?`, [Number(ids.demoTenantId)]);
  const [menu] = await em.getConnection().execute(`select id from menu where code = 'employees' and tenant_id = ?`, [Number(ids.demoTenantId)]);
  const position = (await h.data(`mutation { createPosition(input: { name: "CEO", code: "ceo", level: 1 }) { id } }`, {}, adminToken)).createPosition;
  const result = await h.data(
    ENTITIES,
    {
      r: [
        { __typename: 'User', id: ids.users.admin },
        { __typename: 'Tenant', id: ids.demoTenantId },
        { __typename: 'Role', id: String(role.id) },
        { __typename: 'Position', id: position.id },
        { __typename: 'Menu', id: String(menu.id) },
        { __typename: 'User', id: '999999' },
      ],
    },
    adminToken,
  );
  expect(result._entities).toEqual([
    { id: ids.users.admin, username: 'admin', role: { code: 'admin' } },
    { code: 'DEMO' },
    { code: 'admin' },
    { name: 'CEO' },
    { code: 'employees' },
    null,
  ]);
});

test('an anonymous entity fetch resolves nothing', async () => {
  const ids = await seededIds(h);
  const result = await h.data(ENTITIES, { r: [{ __typename: 'User', id: ids.users.admin }] });
  expect(result._entities).toEqual([null]);
});

test('fetching 30 users by reference is one batched statement (plus one for their roles)', async () => {
  const created = [];
  for (let i = 0; i < 30; i++) created.push(forkForTenant(h.runtime.orm.em, null).create(User, { tenantId: 1, username: `ref-${i}`, passwordHash: 'x' }));
  await forkForTenant(h.runtime.orm.em, null).persist(created).flush();
  counter.reset();
  const result = await h.data(
    `query($r: [_Any!]!) { _entities(representations: $r) { ... on User { username } } }`,
    { r: created.map((u) => ({ __typename: 'User', id: String(u.id) })) },
    adminToken,
  );
  expect(result._entities).toHaveLength(30);
  expect(counter.count).toBe(1);
});
