import { Communication } from '@platform/collections';
import { useTestPlatform } from '../support/platform';
import { call } from '../support/contract';
import { caseRow, collectionsOf, dispatches, setUpImWorld, type ImWorld } from '../support/im-cases';

/**
 * 数据权限 (CCO app 通用说明): collector A and collector B of one team, their team leader, the tenant's admin × every
 * case route. A never sees or changes B's case (403, nothing written or sent); the leader works the whole team; masking
 * holds for everyone but the admin (who may see personal data).
 */
const platform = useTestPlatform();
let w: ImWorld;

beforeAll(async () => {
  w = await setUpImWorld(platform, 'IMS', [
    { to: 'A', row: caseRow('IMS_A', { contact_phones: [{ phone_number: '+63-917-222-2222', contact_name: '王小红', relationship: '配偶' }] }) },
    { to: 'B', row: caseRow('IMS_B', { mobile: '+63-918-333-4455' }) },
  ]);
});

type Actor = 'a' | 'b' | 'leader' | 'admin';
const ACTORS: Actor[] = ['a', 'b', 'leader', 'admin'];
/** Who reaches which case: a collector their own, the leader and the admin both. */
const reaches = (actor: Actor, owner: 'A' | 'B') => actor === 'leader' || actor === 'admin' || actor.toUpperCase() === owner;
const MASKED: Record<'A' | 'B', string> = { A: '+63-917-***-**11', B: '+63-918-***-**55' };
const FULL: Record<'A' | 'B', string> = { A: '+63-917-111-1111', B: '+63-918-333-4455' };
const mobileFor = (actor: Actor, owner: 'A' | 'B') => (actor === 'admin' ? FULL[owner] : MASKED[owner]);
const FORBIDDEN_CASE = { code: 403, message: '禁止访问（无权限访问该案件）', data: null };
const token = (actor: Actor) => w[actor];
const idOf = (owner: 'A' | 'B') => w.ids[`IMS_${owner}`];
const rows = (owner: 'A' | 'B') => collectionsOf(platform).em().count(Communication, { caseId: idOf(owner) });

describe.each(ACTORS)('%s', (actor) => {
  it('the case list holds exactly the cases in reach, masked unless an admin', async () => {
    const res = await call(platform.app, 'GET', '/api/v1/im/cases/my?search=IMS', { token: token(actor) });
    expect(res.status).toBe(200);
    const expected = (['A', 'B'] as const).filter((o) => reaches(actor, o));
    expect(res.body.data.items.map((i: { case_code: string; mobile: string }) => [i.case_code, i.mobile]).sort()).toEqual(expected.map((o) => [`IMS_${o}`, mobileFor(actor, o)]));
    const search = await call(platform.app, 'POST', '/api/v1/im/cases/search', { token: token(actor), body: { keyword: 'IMS' } });
    expect(search.body.data.total).toBe(expected.length);
    const quick = await call(platform.app, 'GET', '/api/v1/im/cases/quick-filter?filter_type=never_contacted', { token: token(actor) });
    expect(quick.body.data.items.filter((i: { case_code: string }) => i.case_code.startsWith('IMS')).length).toBeLessThanOrEqual(expected.length);
  });

  it.each(['A', 'B'] as const)('case %s: detail and communications list — 200 in reach (masked), else 403', async (owner) => {
    const detail = await call(platform.app, 'GET', `/api/v1/im/cases/${idOf(owner)}`, { token: token(actor) });
    const history = await call(platform.app, 'GET', `/api/v1/im/cases/${idOf(owner)}/communications`, { token: token(actor) });
    if (reaches(actor, owner)) {
      expect(detail.status).toBe(200);
      expect(detail.body.data.customer_info).toMatchObject({ mobile: mobileFor(actor, owner), id_number: actor === 'admin' ? 'ID123456' : 'ID***456' });
      expect(history.status).toBe(200);
    } else {
      expect(detail).toMatchObject({ status: 403, body: FORBIDDEN_CASE });
      expect(history).toMatchObject({ status: 403, body: FORBIDDEN_CASE });
    }
  });

  it.each(['A', 'B'] as const)('case %s: record, call, WhatsApp, SMS — done in reach, else 403 with nothing written or sent', async (owner) => {
    const [rowsBefore, sentBefore] = [await rows(owner), (await dispatches(platform, w.admin, idOf(owner))).length];
    const id = idOf(owner);
    const answers = [
      await call(platform.app, 'POST', `/api/v1/im/cases/${id}/communication`, { token: token(actor), body: { contact_method: 'phone', contact_result: '未接通' } }),
      await call(platform.app, 'POST', `/api/v1/im/cases/${id}/call`, { token: token(actor), body: {} }),
      await call(platform.app, 'POST', `/api/v1/im/cases/${id}/whatsapp`, { token: token(actor), body: { message_template: 'REMIND_PAYMENT' } }),
      await call(platform.app, 'POST', `/api/v1/im/cases/${id}/sms`, { token: token(actor), body: { message_template: 'REMIND_PAYMENT' } }),
    ];
    if (reaches(actor, owner)) {
      expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200]);
      expect(await rows(owner)).toBe(rowsBefore + 4);
      const sent = await dispatches(platform, w.admin, id);
      expect(sent).toHaveLength(sentBefore + 3);
      // The provider got the case's own number, resolved on the server.
      expect(new Set(sent.slice(0, 3).map((d) => d.to))).toEqual(new Set([FULL[owner]]));
    } else {
      for (const a of answers) expect(a).toMatchObject({ status: 403, body: FORBIDDEN_CASE });
      expect(await rows(owner)).toBe(rowsBefore);
      expect(await dispatches(platform, w.admin, id)).toHaveLength(sentBefore);
    }
  });
});

it('what a collector recorded shows masked to the other roles but the admin: the list’s last result, the history’s number', async () => {
  await call(platform.app, 'POST', `/api/v1/im/cases/${idOf('A')}/communication`, { token: w.a, body: { contact_method: 'phone', contact_phone: '+63-917-***-**22', contact_result: '接通' } });
  const numbers = async (actor: Actor) =>
    (await call(platform.app, 'GET', `/api/v1/im/cases/${idOf('A')}`, { token: token(actor) })).body.data.communication_history.map((m: { contact_phone: string | null }) => m.contact_phone);
  expect((await numbers('a'))[0]).toBe('+63-917-***-**22');
  expect((await numbers('leader'))[0]).toBe('+63-917-***-**22');
  expect((await numbers('admin'))[0]).toBe('+63-917-222-2222');
  // No number the app shows is ever unmasked for a collector.
  const detail = JSON.stringify((await call(platform.app, 'GET', `/api/v1/im/cases/${idOf('A')}`, { token: w.a })).body);
  expect(detail).not.toMatch(/\+63-917-(111-1111|222-2222)/);
});
