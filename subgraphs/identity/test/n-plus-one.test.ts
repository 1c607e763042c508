import { forkForTenant, SqlCounter } from '@platform/kit';
import { Position, Role, User, UserRole } from '../src';
import { startIdentity, type Harness } from './support/harness';
import { ADMIN } from './support/fixtures';

/** Lists cost a constant number of SQL statements however many rows they show (DataLoaders, no N+1). */
const counter = new SqlCounter();
let h: Harness;
let adminToken: string;

beforeAll(async () => {
  h = await startIdentity({}, { sqlCounter: counter });
  adminToken = (await h.login(ADMIN.login, ADMIN.password)).accessToken;
  // 100 employees over 10 positions (a chain, so fullPath climbs) and 4 roles, written directly: this test is
  // about reads, and 100 argon2 hashes would only slow it down.
  const em = forkForTenant(h.runtime.orm.em, null);
  const positions: Position[] = [];
  for (let i = 0; i < 10; i++) {
    positions.push(em.create(Position, { tenantId: 1, name: `P${i}`, code: `n1-p${i}`, level: i + 1, parentId: positions[i - 1]?.id ?? null }));
    await em.flush();
  }
  const roles = await em.find(Role, { tenantId: 1, code: { $in: ['user', 'sales', 'service', 'collector'] } });
  for (let i = 0; i < 100; i++) {
    const user = em.create(User, { tenantId: 1, username: `n1-${String(i).padStart(3, '0')}`, passwordHash: 'x', fullName: `Employee ${i}`, positionId: positions[i % 10].id });
    await em.flush();
    em.create(UserRole, { tenantId: 1, userId: user.id, roleId: roles[i % roles.length].id });
  }
  await em.flush();
});
afterAll(() => h.close());

async function statementsFor(query: string, variables: Record<string, unknown>) {
  counter.reset();
  await h.data(query, variables, adminToken);
  return counter.count;
}

const EMPLOYEES = /* GraphQL */ `
  query($n: Int) {
    users(pageSize: $n, filter: { search: "n1-" }, sortBy: username, sortOrder: asc) {
      items { username position { name } role { name } roles { code } permissions tenant { code } }
    }
  }
`;

test('listing employees with position { name } and role { name } costs the same for 10 and 100 rows', async () => {
  const ten = await statementsFor(EMPLOYEES, { n: 10 });
  const hundred = await statementsFor(EMPLOYEES, { n: 100 });
  expect(hundred).toBe(ten);
  // users + count, positions, role links, roles, grants, menus, tenants
  expect(hundred).toBeLessThanOrEqual(8);
});

test('listing positions with their counts, parent and children costs a constant number of statements', async () => {
  const query = `query($n: Int) { positions(pageSize: $n, filter: { search: "n1-" }) {
    items { name parent { name } children { name } employeeCount childrenCount employees { username } } } }`;
  const three = await statementsFor(query, { n: 3 });
  const ten = await statementsFor(query, { n: 10 });
  expect(ten).toBe(three);
  expect(ten).toBeLessThanOrEqual(7);
});

test('full paths cost one statement per tree level, not per position', async () => {
  const ten = await statementsFor(`{ positions(pageSize: 10, filter: { search: "n1-" }) { items { fullPath } } }`, {});
  // list + count + at most one batched lookup per ancestor level (9 levels above the deepest position).
  expect(ten).toBeLessThanOrEqual(2 + 9);
});
