import { callers, LeadsClient } from './support/harness';

let client: LeadsClient;
beforeAll(async () => {
  client = await LeadsClient.start();
  for (let i = 0; i < 100; i++) {
    const id = await client.createLead(callers.service, { customerNickname: `客户${i}` });
    if (i % 3 === 0) {
      await client.ok(callers.service, 'mutation($input: AddFollowUpInput!) { addFollowUp(input: $input) { id } }', { input: { leadId: id, content: `再次${i}` } });
    }
  }
});
afterAll(() => client.close());

const PAGE = /* GraphQL */ `
  query($size: Int) {
    leads(pageSize: $size) {
      total
      items { id follower { id } registrant { id } latestFollowUp { content followUpTime } }
    }
  }
`;

it('a page of 100 leads with follower, registrant and latest follow-up costs a constant number of statements', async () => {
  client.sql.reset();
  const small = await client.ok(callers.admin, PAGE, { size: 5 });
  const forFive = client.sql.count;
  client.sql.reset();
  const full = await client.ok(callers.admin, PAGE, { size: 100 });
  const forHundred = client.sql.count;

  expect(small.leads.items).toHaveLength(5);
  expect(full.leads.items).toHaveLength(100);
  expect(full.leads.items.filter((l: { latestFollowUp: { content: string } }) => l.latestFollowUp.content.startsWith('再次'))).toHaveLength(34);
  // The page and its count, the latest follow-ups in one statement; users are identity's (one batched fetch there).
  expect(forHundred).toBe(forFive);
  expect(forHundred).toBeLessThanOrEqual(3);
});
