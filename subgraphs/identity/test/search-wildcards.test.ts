import { startIdentity, type Harness } from './support/harness';
import { ADMIN } from './support/fixtures';

// The search used to strip `%` and pass `_` on as LIKE's any-character wildcard: `a_b` found `axb` too.
let h: Harness;
let adminToken: string;
beforeAll(async () => {
  h = await startIdentity();
  adminToken = (await h.login(ADMIN.login, ADMIN.password)).accessToken;
  for (const code of ['wild_a_b', 'wild_axb', 'wild_100%', 'wild_1000']) {
    await h.data(`mutation($i: RoleInput!) { createRole(input: $i) { id } }`, { i: { code: code.replace('%', 'pct'), name: code } }, adminToken);
  }
});
afterAll(() => h.close());

const rolesMatching = async (search: string) =>
  (await h.data(`query($s: String) { roles(search: $s, pageSize: 100) { items { name } } }`, { s: search }, adminToken)).roles.items
    .map((r: { name: string }) => r.name)
    .sort();

describe('search patterns match LIKE wildcards literally', () => {
  it('searching a_b does not match axb', async () => {
    expect(await rolesMatching('a_b')).toEqual(['wild_a_b']);
  });

  it('searching 0% matches only a name holding a percent sign', async () => {
    expect(await rolesMatching('0%')).toEqual(['wild_100%']);
  });

  it('searching wild_ still finds every name that holds it', async () => {
    expect(await rolesMatching('wild_')).toEqual(['wild_100%', 'wild_1000', 'wild_a_b', 'wild_axb']);
  });
});
