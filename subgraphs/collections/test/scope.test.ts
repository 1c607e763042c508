import { CollectionsClient, type OrgFixture } from './support/harness';

let client: CollectionsClient;
let org: OrgFixture;
beforeAll(async () => {
  client = await CollectionsClient.start();
  org = await client.seedOrg();
});
afterAll(() => client.close());

const AGENCY = 'query ($id: ID!) { agency(id: $id) { id agencyCode } }';
const agencyAs = async (who: keyof OrgFixture['callers'], id: number) =>
  (await client.ok<{ agency: { agencyCode: string } | null }>(org.callers[who], AGENCY, { id: String(id) })).agency?.agencyCode ?? null;

describe('collections data scope', () => {
  it('an admin reaches every agency of their tenant; the super admin every tenant; another tenant reads none', async () => {
    expect(await agencyAs('tenantAdmin', org.agencies.A2.id)).toBe('A2');
    expect(await agencyAs('superAdmin', org.agencies.X1.id)).toBe('X1');
    expect(await agencyAs('otherTenantAdmin', org.agencies.A1.id)).toBeNull();
  });

  it('an agency admin and an SPV reach their own agency only', async () => {
    expect(await agencyAs('agencyAdmin', org.agencies.A1.id)).toBe('A1');
    expect(await agencyAs('agencyAdmin', org.agencies.A2.id)).toBeNull();
    expect((await client.run(org.callers.spv, AGENCY, { id: String(org.agencies.A2.id) })).data?.agency).toBeNull();
  });
});
