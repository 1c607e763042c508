import { callers, codeOf, LeadsClient } from './support/harness';

// decisions.md § 002: admin all; service what they registered; sales what is assigned to them; any other role what
// they registered. The same rule for list, detail, edit and delete; another's lead is NOT_FOUND.
let client: LeadsClient;
const ids: Record<string, string> = {};

beforeAll(async () => {
  client = await LeadsClient.start();
  // Registered by service, assigned to sales; registered by the plain user, assigned to sales2; registered by admin, assigned to sales2.
  ids.byService = await client.createLead(callers.service, { customerNickname: 'by-service', followerId: callers.sales.userId });
  ids.byUser = await client.createLead(callers.user, { customerNickname: 'by-user', followerId: callers.sales2.userId });
  ids.byAdmin = await client.createLead(callers.admin, { customerNickname: 'by-admin', followerId: callers.sales2.userId });
}, 30_000); // a loaded machine starts the runtime slowly
afterAll(() => client.close());

const sees: Record<keyof typeof callers, string[]> = {
  admin: ['byService', 'byUser', 'byAdmin'],
  service: ['byService'],
  sales: ['byService'],
  sales2: ['byUser', 'byAdmin'],
  user: ['byUser'],
};
const roles = Object.keys(sees) as Array<keyof typeof callers>;

describe.each(roles)('%s', (role) => {
  const caller = () => callers[role];
  const visible = (key: string) => sees[role].includes(key);

  it('lists exactly the leads the role may see', async () => {
    const data = await client.ok(caller(), '{ leads(pageSize: 100) { total items { id } } }');
    const listed = data.leads.items.map((l: { id: string }) => l.id).sort();
    expect(listed).toEqual(sees[role].map((key) => ids[key]).sort());
    expect(data.leads.total).toBe(sees[role].length);
  });

  it.each(['byService', 'byUser', 'byAdmin'])('detail of %s', async (key) => {
    const result = await client.run(caller(), 'query($id: ID!) { lead(id: $id) { id } }', { id: ids[key] });
    if (visible(key)) expect(result.data?.lead).toEqual({ id: ids[key] });
    else expect(codeOf(result)).toBe('NOT_FOUND');
  });

  it.each(['byService', 'byUser', 'byAdmin'])('edit of %s', async (key) => {
    const result = await client.run(caller(), 'mutation($id: ID!) { updateLead(id: $id, input: { isContacted: true }) { lead { id } } }', { id: ids[key] });
    if (visible(key)) expect(result.errors).toBeUndefined();
    else expect(codeOf(result)).toBe('NOT_FOUND');
  });

  const hidden = ['byService', 'byUser', 'byAdmin'].filter((key) => !sees[role].includes(key));
  if (hidden.length) {
    it.each(hidden)('delete of %s is NOT_FOUND and deletes nothing', async (key) => {
      const result = await client.run(caller(), 'mutation($id: ID!) { deleteLead(id: $id) { id } }', { id: ids[key] });
      expect(codeOf(result)).toBe('NOT_FOUND');
      expect((await client.ok(callers.admin, 'query($id: ID!) { lead(id: $id) { id } }', { id: ids[key] })).lead.id).toBe(ids[key]);
    });
  }

  it('may delete a lead it can see', async () => {
    const own = role === 'sales' || role === 'sales2' ? await client.createLead(callers.admin, { followerId: caller().userId }) : await client.createLead(caller());
    const data = await client.ok(caller(), 'mutation($id: ID!) { deleteLead(id: $id) { id deletedFollowUps } }', { id: own });
    expect(data.deleteLead).toEqual({ id: own, deletedFollowUps: 1 });
  });
});
