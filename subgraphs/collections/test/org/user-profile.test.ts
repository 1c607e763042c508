import { randomUUID } from 'node:crypto';
import { Collector } from '@platform/collections';
import { CollectionsClient, type OrgFixture } from '../support/harness';

/** identity's User gains collectorProfile here; the profile's name follows identity's user.updated. */
let client: CollectionsClient;
let org: OrgFixture;
beforeAll(async () => {
  client = await CollectionsClient.start();
  org = await client.seedOrg();
});
afterAll(() => client.close());

const PROFILES = `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on User { id collectorProfile { collectorCode team { teamName } } } } }`;
const reps = (...users: string[]) => ({ reps: users.map((id) => ({ __typename: 'User', id })) });

describe('User.collectorProfile (entity extension)', () => {
  it('resolves users by key to their profiles in one statement, in the caller’s scope', async () => {
    const users = [org.collectors.c1.userId, org.collectors.c4.userId, org.staff.spv.userId, '999999'];
    client.sql.reset();
    const all = await client.ok(org.callers.tenantAdmin, PROFILES, reps(...users));
    expect(all._entities.map((u: { collectorProfile: { collectorCode: string } | null }) => u.collectorProfile?.collectorCode ?? null)).toEqual([
      'COL_001',
      'COL_004',
      'SPV_G1',
      null,
    ]);
    expect(all._entities[0].collectorProfile.team).toEqual({ teamName: 'T1小组' });
    // the profiles by user id, then their teams
    expect(client.sql.count).toBeLessThanOrEqual(2);

    const leader = await client.ok(org.callers.teamLeader, PROFILES, reps(org.collectors.c1.userId, org.collectors.c4.userId));
    expect(leader._entities.map((u: { collectorProfile: unknown }) => u.collectorProfile)).toEqual([{ collectorCode: 'COL_001', team: { teamName: 'T1小组' } }, null]);
    const other = await client.ok(org.callers.otherTenantAdmin, PROFILES, reps(org.collectors.c1.userId));
    expect(other._entities[0].collectorProfile).toBeNull();
  });
});

describe('collector names follow identity', () => {
  it('user.updated with a new full name renames the profile', async () => {
    const c2 = org.collectors.c2;
    await client.runtime.bus.publish([
      {
        id: randomUUID(),
        topic: 'user.updated',
        tenantId: '1',
        aggregateId: c2.userId,
        payload: { userId: Number(c2.userId), username: 'col_002', fullName: '李大红', roles: ['collector'], status: 'active' },
        occurredAt: new Date().toISOString(),
      },
    ]);
    let name = '';
    for (let i = 0; i < 300 && name !== '李大红'; i++) {
      name = (await client.em().findOneOrFail(Collector, c2.id, { refresh: true })).collectorName;
      if (name !== '李大红') await new Promise((r) => setTimeout(r, 10));
    }
    expect(name).toBe('李大红');
    expect((await client.em().findOneOrFail(Collector, org.collectors.c1.id)).collectorName).toBe('王小明');
  });
});
