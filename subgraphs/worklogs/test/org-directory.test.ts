import { forkForTenant, InProcessBus } from '@platform/kit';
import { identity } from '@platform/identity';
import { SubgraphHarness } from '@platform/testkit';
import { DirectoryPosition, DirectoryUser, worklogs } from '@platform/worklogs';

/**
 * identity's own events feed worklogs' projection: its seeded accounts, and every change to a user's name or
 * position and to the position tree (`user.created`, `user.updated`, `user.deleted`, `position.changed`).
 */
let bus: InProcessBus;
let identityHarness: SubgraphHarness<Awaited<ReturnType<typeof identity.start>>>;
let worklogsHarness: SubgraphHarness<Awaited<ReturnType<typeof worklogs.start>>>;
let admin: string;

beforeAll(async () => {
  // A bus that hands a late subscriber what was published before it, as the launcher's does.
  bus = new InProcessBus({ history: 1000 });
  identityHarness = await SubgraphHarness.start(identity, { deps: { bus } });
  worklogsHarness = await SubgraphHarness.start(worklogs, { deps: { bus } });
  const login = await identityHarness.data<{ login: { accessToken: string } }>(
    'mutation($input: LoginInput!) { login(input: $input) { accessToken } }',
    { input: { login: 'admin', password: 'Admin123456', channel: 'WEB' } },
  );
  admin = login.login.accessToken;
}, 30_000);
afterAll(async () => {
  await worklogsHarness?.close();
  await identityHarness?.close();
  await bus.close();
});

const em = () => forkForTenant(worklogsHarness.runtime.orm.em, null);

async function eventually<T>(read: () => Promise<T>, holds: (value: T) => boolean, ms = 5000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (holds(value) || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, 10));
  }
}

const userRow = (userId: string) => eventually(() => em().findOne(DirectoryUser, Number(userId)), Boolean);
const positionRow = (positionId: string, holds: (p: DirectoryPosition | null) => boolean = Boolean) =>
  eventually(() => em().findOne(DirectoryPosition, Number(positionId)), holds);
const gql = <T>(query: string, variables: Record<string, unknown>) => identityHarness.data<T>(query, variables, admin);

test('the seeded accounts reach the projection, with their names', async () => {
  const seeded = await eventually(() => em().find(DirectoryUser, {}), (rows) => rows.length >= 3);
  expect(seeded.map((u) => [u.username, u.fullName])).toEqual(
    expect.arrayContaining([['admin', '系统管理员'], ['tenantadmin', 'Tenant Admin'], ['superadmin', 'Super Admin']]),
  );
});

test('positions, users and their changes follow identity', async () => {
  const createPosition = (input: Record<string, unknown>) =>
    gql<{ createPosition: { id: string } }>('mutation($input: PositionInput!) { createPosition(input: $input) { id } }', { input });
  const lead = (await createPosition({ name: 'Lead', code: 'od-lead', level: 1 })).createPosition.id;
  const dev = (await createPosition({ name: 'Dev', code: 'od-dev', level: 2, parentId: lead })).createPosition.id;
  expect(await positionRow(dev)).toMatchObject({ tenantId: 1, parentId: Number(lead), present: true });

  const user = await gql<{ createUser: { id: string } }>(
    'mutation($input: CreateUserInput!) { createUser(input: $input) { id } }',
    { input: { username: 'od_dan', password: 'secret123', fullName: 'Dan', positionId: dev } },
  );
  const danId = user.createUser.id;
  expect(await userRow(danId)).toMatchObject({ tenantId: 1, username: 'od_dan', fullName: 'Dan', positionId: Number(dev), present: true });

  // updateUser: user.updated with the new name and position
  await gql('mutation($id: ID!, $input: UpdateUserInput!) { updateUser(id: $id, input: $input) { id } }', {
    id: danId,
    input: { fullName: 'Daniel', positionId: lead },
  });
  expect(await eventually(() => userRow(danId), (u) => u?.fullName === 'Daniel')).toMatchObject({ positionId: Number(lead) });

  // moving and re-parenting a position: position.changed
  await gql('mutation($id: ID!) { movePosition(id: $id, newParentId: null) { id } }', { id: dev });
  expect(await positionRow(dev, (p) => p?.parentId === null)).toMatchObject({ parentId: null, present: true });
  await gql('mutation($id: ID!, $input: UpdatePositionInput!) { updatePosition(id: $id, input: $input) { id } }', {
    id: dev,
    input: { parentId: lead },
  });
  expect(await positionRow(dev, (p) => p?.parentId === Number(lead))).toMatchObject({ parentId: Number(lead) });

  // deleting: the position (empty now) and the user are gone from the projection
  await gql('mutation($id: ID!) { deletePosition(id: $id) }', { id: dev });
  expect(await positionRow(dev, (p) => p?.present === false)).toMatchObject({ present: false });
  await gql('mutation($id: ID!) { deleteUser(id: $id) }', { id: danId });
  expect(await eventually(() => userRow(danId), (u) => u?.present === false)).toMatchObject({ present: false });
});
