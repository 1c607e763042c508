import { AUDIT_RECORDED, OutboxEvent, type AuditPayload } from '@platform/kit';
import { callers, LeadsClient } from './support/harness';

// Outbox ids are UUIDv7: ordered as recorded. GET /api/logs is served from activity's audit trail: leads feeds it with one audit.recorded event per change.
let client: LeadsClient;
beforeAll(async () => {
  client = await LeadsClient.start();
});
afterAll(() => client.close());

const auditOf = async (leadId: string): Promise<AuditPayload[]> => {
  const rows = await client.runtime.orm.em.fork().find(OutboxEvent, { topic: AUDIT_RECORDED, aggregateId: leadId }, { orderBy: { id: 'asc' } });
  return rows.map((row) => row.payload as AuditPayload);
};

it('records create, follow-up, edit, end of follow-up and delete, with the documented fields before and after', async () => {
  const id = await client.createLead(callers.service, { customerNickname: '赵六', sourcePlatform: '抖音' });
  await client.ok(callers.service, 'mutation($id: ID!) { updateLead(id: $id, input: { isDeal: true, endFollowup: true, endFollowupReason: "已成交" }) { lead { id } } }', { id });
  await client.ok(callers.service, 'mutation($id: ID!) { deleteLead(id: $id) { id } }', { id });

  const entries = await auditOf(id);
  expect(entries.map((e) => e.action)).toEqual(['create', 'follow_up', 'update', 'end_follow_up', 'delete']);
  for (const entry of entries) {
    expect(entry).toMatchObject({ source: 'leads', resourceType: 'lead', resourceId: id, actorId: callers.service.userId, actorName: 'kefu01' });
    expect(entry.summary).toContain('赵六');
  }
  const [create, followUp, update, , remove] = entries;
  expect(create.after).toMatchObject({ id: Number(id), customer_nickname: '赵六', source_platform: '抖音', intention_level: '高', follow_up_person: callers.service.userId, current_follower: Number(callers.sales.userId), is_deal: 0 });
  expect(followUp.after).toMatchObject({ lead_id: Number(id), follow_up_content: '首次联系', follow_up_person: 'kefu01' });
  expect([update.before, update.after]).toEqual([
    expect.objectContaining({ is_deal: 0, end_followup: 0, end_followup_reason: null }),
    expect.objectContaining({ is_deal: 1, end_followup: 1, end_followup_reason: '已成交', need_followup: 0 }),
  ]);
  expect(remove).toMatchObject({ before: expect.objectContaining({ customer_nickname: '赵六' }), after: null });
  expect(remove.summary).toContain('删除跟进记录 1 条');
});

it('records nothing for a refused change', async () => {
  const id = await client.createLead(callers.service);
  const before = (await auditOf(id)).length;
  await client.run(callers.service, 'mutation($id: ID!) { updateLead(id: $id, input: { endFollowup: true }) { lead { id } } }', { id });
  await client.run(callers.sales2, 'mutation($id: ID!) { deleteLead(id: $id) { id } }', { id });
  expect(await auditOf(id)).toHaveLength(before);
});
