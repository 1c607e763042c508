import { callers, codeOf, fieldOf, LeadsClient, outsider } from './support/harness';

let client: LeadsClient;
beforeAll(async () => {
  client = await LeadsClient.start();
});
afterAll(() => client.close());

const LEAD = /* GraphQL */ `
  query Lead($id: ID!) {
    lead(id: $id) {
      id customerNickname sourcePlatform leadTime isContacted intentionLevel registrantId followerId isDeal dealDate
      needFollowup endFollowup endFollowupReason follower { id } registrant { id } latestFollowUp { content followUpTime }
    }
  }
`;
const UPDATE = /* GraphQL */ `
  mutation Update($id: ID!, $input: UpdateLeadInput!) {
    updateLead(id: $id, input: $input) { lead { id needFollowup endFollowup endFollowupReason isDeal dealDate followerId } followUp { id } }
  }
`;

describe('creating a lead', () => {
  it('records the registrant from the token and the first follow-up, which clears need_followup', async () => {
    const data = await client.ok(callers.service, `mutation($input: CreateLeadInput!) { createLead(input: $input) { lead { id registrantId followerId needFollowup } followUp { content followUpPerson } } }`, {
      input: { customerNickname: '张三', intentionLevel: '高', followerId: '12', followUpContent: '客户首次进线索', leadTime: '2024-06-01 10:00:00' },
    });
    expect(data.createLead.lead).toMatchObject({ registrantId: '11', followerId: '12', needFollowup: false });
    expect(data.createLead.followUp).toEqual({ content: '客户首次进线索', followUpPerson: 'kefu01' });
    const lead = await client.ok(callers.service, LEAD, { id: data.createLead.lead.id });
    // 10:00 in Asia/Shanghai (the default zone) is 02:00 UTC.
    expect(lead.lead.leadTime).toBe('2024-06-01T02:00:00.000Z');
    expect(lead.lead.latestFollowUp.content).toBe('客户首次进线索');
  });

  it('without create_follow_up the lead has no follow-up and is due', async () => {
    const data = await client.ok(callers.service, `mutation($input: CreateLeadInput!) { createLead(input: $input) { lead { needFollowup latestFollowUp { id } } followUp { id } } }`, {
      input: { customerNickname: '李四', intentionLevel: '低', followerId: '12', createFollowUp: false },
    });
    expect(data.createLead).toEqual({ lead: { needFollowup: true, latestFollowUp: null }, followUp: null });
  });

  it.each([
    [{ followUpContent: undefined }, 'followUpContent'],
    [{ intentionLevel: '特高' }, 'intentionLevel'],
    [{ leadTime: 'yesterday' }, 'leadTime'],
    [{ dealDate: '2024/06/02' }, 'dealDate'],
    [{ followerId: 'abc' }, 'followerId'],
  ])('bad input %j is BAD_USER_INPUT naming %s and creates nothing', async (change, field) => {
    const before = (await client.ok(callers.admin, '{ leads { total } }')).leads.total;
    const result = await client.run(callers.service, `mutation($input: CreateLeadInput!) { createLead(input: $input) { lead { id } } }`, {
      input: { customerNickname: '王五', intentionLevel: '中', followerId: '12', followUpContent: 'x', ...change },
    });
    expect(codeOf(result)).toBe('BAD_USER_INPUT');
    expect(fieldOf(result)).toBe(field);
    expect((await client.ok(callers.admin, '{ leads { total } }')).leads.total).toBe(before);
  });

  it("a follower of another tenant is NOT_FOUND, like a missing one", async () => {
    for (const followerId of [outsider.userId, '999']) {
      const result = await client.run(callers.service, `mutation($input: CreateLeadInput!) { createLead(input: $input) { lead { id } } }`, {
        input: { customerNickname: '王五', intentionLevel: '中', followerId, followUpContent: 'x' },
      });
      expect(codeOf(result)).toBe('NOT_FOUND');
    }
  });
});

describe('editing a lead', () => {
  it('records a follow-up only when asked; ending follow-up needs a reason and clears need_followup', async () => {
    const id = await client.createLead(callers.service, { createFollowUp: false });
    const plain = await client.ok(callers.service, UPDATE, { id, input: { isDeal: true, dealDate: '2024-06-02' } });
    expect(plain.updateLead).toEqual({ lead: expect.objectContaining({ isDeal: true, dealDate: '2024-06-02', needFollowup: true, followerId: '12' }), followUp: null });

    const noReason = await client.run(callers.service, UPDATE, { id, input: { endFollowup: true } });
    expect([codeOf(noReason), fieldOf(noReason)]).toEqual(['BAD_USER_INPUT', 'endFollowupReason']);
    expect((await client.ok(callers.service, LEAD, { id })).lead.endFollowup).toBe(false);

    const ended = await client.ok(callers.service, UPDATE, { id, input: { endFollowup: true, endFollowupReason: '客户已拉黑', createFollowUp: true, followUpContent: '最后一次' } });
    expect(ended.updateLead.lead).toMatchObject({ endFollowup: true, endFollowupReason: '客户已拉黑', needFollowup: false });
    expect(ended.updateLead.followUp).toEqual({ id: expect.any(String) });
  });
});

describe('deleting a lead', () => {
  it('deletes its follow-ups and says how many', async () => {
    const id = await client.createLead(callers.service);
    await client.ok(callers.service, `mutation($input: AddFollowUpInput!) { addFollowUp(input: $input) { id } }`, { input: { leadId: id, content: '再次联系' } });
    const data = await client.ok(callers.service, `mutation($id: ID!) { deleteLead(id: $id) { id deletedFollowUps } }`, { id });
    expect(data.deleteLead).toEqual({ id, deletedFollowUps: 2 });
    expect(codeOf(await client.run(callers.service, LEAD, { id }))).toBe('NOT_FOUND');
  });
});

describe('follow-ups', () => {
  it('are listed newest first by follow-up time and clear need_followup', async () => {
    const id = await client.createLead(callers.service, { createFollowUp: false });
    const add = `mutation($input: AddFollowUpInput!) { addFollowUp(input: $input) { id } }`;
    await client.ok(callers.service, add, { input: { leadId: id, content: '第二次', followUpTime: '2024-06-04 14:00:00', followUpMethod: '电话' } });
    await client.ok(callers.service, add, { input: { leadId: id, content: '第三次', followUpTime: '2024-06-05 15:30:00', followUpMethod: '面谈' } });
    await client.ok(callers.service, add, { input: { leadId: id, content: '第一次', followUpTime: '2024-06-02 09:00:00' } });
    const page = await client.ok(callers.service, `query($id: ID!) { followUps(leadId: $id, pageSize: 2) { total pages items { content method } } lead(id: $id) { needFollowup latestFollowUp { content } } }`, { id });
    expect(page.followUps).toEqual({ total: 3, pages: 2, items: [{ content: '第三次', method: '面谈' }, { content: '第二次', method: '电话' }] });
    expect(page.lead).toEqual({ needFollowup: false, latestFollowUp: { content: '第三次' } });
  });

  it('a page size over 100 is refused', async () => {
    const result = await client.run(callers.admin, '{ leads(pageSize: 101) { total } }');
    expect(codeOf(result)).toBe('BAD_USER_INPUT');
  });
});
