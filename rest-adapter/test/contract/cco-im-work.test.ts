import { DateTime } from 'luxon';
import { Ptp, Repayment } from '@platform/collections';
import { useTestPlatform } from '../support/platform';
import { call, CCO_TIME } from '../support/contract';
import { multipart } from '../support/multipart';
import { caseOf, caseRow, imWorkWorld, ptpsOf, repaymentsOf, type ImWorkWorld } from '../support/im-work';

/** Collector app § 5 (PTP) and § 6 (repayments) through the whole platform: adapter → router → collections. */
const platform = useTestPlatform();
let world: ImWorkWorld;
let zone: string;

const error = (code: number) => ({ code, message: expect.any(String), data: null });
const naming = (field: string) => ({ code: 400, message: expect.stringContaining(field), data: null });
const day = (offset: number) => DateTime.now().setZone(zone).plus({ days: offset }).toFormat('yyyy-MM-dd');
/** A 1×1 PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

beforeAll(async () => {
  world = await imWorkWorld(platform, 'IMW');
  zone = (await call(platform.app, 'GET', '/api/v1/system/config', { token: world.admin })).body.data.time_zone;
});

const createPtp = (token: string, caseId: number | string, body: Record<string, unknown>) => call(platform.app, 'POST', `/api/v1/im/cases/${caseId}/ptp`, { token, body });

describe('POST /api/v1/im/cases/{case_id}/ptp', () => {
  it('records the promise and answers the documented body', async () => {
    const c = await caseOf(world, world.a);
    const res = await createPtp(world.a.token, c.id, { promise_date: day(5), promise_amount: 2000.0, promise_method: 'bank_transfer', confidence_level: 'high', notes: '客户承诺下周一还款2000，态度诚恳' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ code: 200, message: 'PTP记录保存成功', data: { id: expect.any(Number), case_id: c.id, promise_date: day(5), created_at: expect.stringMatching(CCO_TIME) } });
    const [row] = await ptpsOf(world, c.id);
    expect({ status: row.promiseStatus, amount: row.promiseAmount.toFixed(2), method: row.promiseMethod, collector: row.collectorId }).toEqual({
      status: 'pending',
      amount: '2000.00',
      method: 'bank_transfer',
      collector: world.a.collectorId,
    });
  });

  it.each([
    ['promise_date', { promise_amount: 100 }],
    ['promise_date', { promise_date: '2025/11/25', promise_amount: 100 }],
    ['promise_date', { promise_date: '__PAST__', promise_amount: 100 }],
    ['promise_date', { promise_date: '__FAR__', promise_amount: 100 }],
    ['promise_amount', { promise_date: '__SOON__' }],
    ['promise_amount', { promise_date: '__SOON__', promise_amount: 0 }],
    ['promise_amount', { promise_date: '__SOON__', promise_amount: 10.005 }],
    ['promise_amount', { promise_date: '__SOON__', promise_amount: 4000.01 }],
    ['promise_method', { promise_date: '__SOON__', promise_amount: 100, promise_method: 'cheque' }],
    ['confidence_level', { promise_date: '__SOON__', promise_amount: 100, confidence_level: 'certain' }],
  ])('a bad %s is 400 naming it and records nothing (%j)', async (field, raw) => {
    const c = await caseOf(world, world.a);
    const dates: Record<string, string> = { __PAST__: day(-1), __FAR__: day(31), __SOON__: day(2) };
    const body = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, typeof v === 'string' && v in dates ? dates[v] : v]));
    expect(await createPtp(world.a.token, c.id, body)).toMatchObject({ status: 400, body: naming(field) });
    expect(await ptpsOf(world, c.id)).toEqual([]);
  });

  it('the last allowed day (the tenant’s ptp_max_days ahead, default 30) and today are accepted', async () => {
    const c = await caseOf(world, world.a);
    expect((await createPtp(world.a.token, c.id, { promise_date: day(30), promise_amount: 4000 })).status).toBe(200);
    expect((await createPtp(world.a.token, c.id, { promise_date: day(0), promise_amount: 1 })).status).toBe(200);
    // the newer promise replaced the open one
    expect((await ptpsOf(world, c.id)).map((p) => p.promiseStatus)).toEqual(['cancelled', 'pending']);
  });

  it('another collector’s case is 403, an unknown case 404, no token 401; nothing is recorded', async () => {
    const theirs = await caseOf(world, world.b);
    const body = { promise_date: day(2), promise_amount: 100 };
    expect(await createPtp(world.a.token, theirs.id, body)).toMatchObject({ status: 403, body: error(403) });
    expect(await createPtp(world.a.token, 99_999_999, body)).toMatchObject({ status: 404, body: error(404) });
    expect(await call(platform.app, 'POST', `/api/v1/im/cases/${theirs.id}/ptp`, { body })).toMatchObject({ status: 401, body: error(401) });
    expect(await ptpsOf(world, theirs.id)).toEqual([]);
  });

  it('offline sync: the same client_id sent three times (also at once) records one promise and answers it each time', async () => {
    const c = await caseOf(world, world.a);
    const body = { promise_date: day(3), promise_amount: 500, client_id: 'a7f1c2e0-offline-ptp-1' };
    const first = await createPtp(world.a.token, c.id, body);
    const again = await Promise.all([createPtp(world.a.token, c.id, body), createPtp(world.a.token, c.id, body)]);
    for (const res of again) expect(res).toMatchObject({ status: 200, body: { data: first.body.data } });
    expect(await world.em().count(Ptp, { clientId: body.client_id })).toBe(1);
    expect((await ptpsOf(world, c.id)).map((p) => p.promiseStatus)).toEqual(['pending']);
    // The same client_id for another case is the app's mistake, not a retry: 409, nothing recorded there.
    const other = await caseOf(world, world.a);
    expect(await createPtp(world.a.token, other.id, body)).toMatchObject({ status: 409, body: error(409) });
    expect(await ptpsOf(world, other.id)).toEqual([]);
  });
});

describe('GET /api/v1/im/ptp/my and /api/v1/im/ptp/due-soon', () => {
  let mine: { soon: number; later: number; kept: number };
  let listCase: number;

  beforeAll(async () => {
    // A collector of team 2 of their own, so the list holds exactly these promises.
    const c1 = await caseOf(world, world.c);
    const c2 = await caseOf(world, world.c);
    const c3 = await caseOf(world, world.c);
    listCase = c1.id;
    const made = async (caseId: number, offset: number, amount: number) => (await createPtp(world.c.token, caseId, { promise_date: day(offset), promise_amount: amount })).body.data.id as number;
    mine = { soon: await made(c1.id, 1, 300), later: await made(c2.id, 10, 700), kept: await made(c3.id, 2, 1000) };
    expect((await call(platform.app, 'PUT', `/api/v1/im/ptp/${mine.kept}/status`, { token: world.c.token, body: { promise_status: 'kept' } })).status).toBe(200);
  });

  it('my list answers the documented list with the summary, soonest first', async () => {
    const res = await call(platform.app, 'GET', '/api/v1/im/ptp/my', { token: world.c.token });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      code: 200,
      message: 'success',
      data: {
        total: 3,
        page: 1,
        size: 20,
        summary: { pending_count: 2, partially_kept_count: 0, kept_count: 1, broken_count: 0, total_promise_amount: 2000 },
        items: [
          { id: mine.soon, case_id: listCase, case_code: expect.any(String), user_name: '陈大明', promise_date: day(1), promise_amount: 300, promise_status: 'pending', days_until_due: 1, created_at: expect.stringMatching(CCO_TIME) },
          expect.objectContaining({ id: mine.kept, promise_status: 'kept', days_until_due: 2, promise_amount: 1000 }),
          expect.objectContaining({ id: mine.later, promise_status: 'pending', days_until_due: 10 }),
        ],
      },
    });
  });

  it('filters by status and date_range, pages with page and size', async () => {
    const ids = async (qs: string) => (await call(platform.app, 'GET', `/api/v1/im/ptp/my?${qs}`, { token: world.c.token })).body.data.items.map((i: { id: number }) => i.id);
    expect(await ids('status=pending')).toEqual([mine.soon, mine.later]);
    expect(await ids('status=kept')).toEqual([mine.kept]);
    expect(await ids('status=expired')).toEqual([]);
    expect(await ids(`date_range=${day(2)},${day(30)}`)).toEqual([mine.kept, mine.later]);
    expect(await ids(`date_range=${day(1)}`)).toEqual([mine.soon]);
    const page2 = await call(platform.app, 'GET', '/api/v1/im/ptp/my?page=2&size=2', { token: world.c.token });
    expect(page2.body.data).toMatchObject({ total: 3, page: 2, size: 2, items: [expect.objectContaining({ id: mine.later })] });
  });

  it('due-soon answers the open promises due within `days` (default 3) in the same format', async () => {
    const res = await call(platform.app, 'GET', '/api/v1/im/ptp/due-soon', { token: world.c.token });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ total: 1, page: 1, size: 20, items: [expect.objectContaining({ id: mine.soon, days_until_due: 1 })] });
    expect(res.body.data.summary).toEqual({ pending_count: 1, partially_kept_count: 0, kept_count: 0, broken_count: 0, total_promise_amount: 300 });
    const wide = await call(platform.app, 'GET', '/api/v1/im/ptp/due-soon?days=10', { token: world.c.token });
    expect(wide.body.data.items.map((i: { id: number }) => i.id)).toEqual([mine.soon, mine.later]);
  });

  it.each([
    ['/api/v1/im/ptp/my?status=lost', 'status'],
    ['/api/v1/im/ptp/my?date_range=last-week', 'date_range'],
    ['/api/v1/im/ptp/my?size=101', 'size'],
    ['/api/v1/im/ptp/due-soon?days=abc', 'days'],
    ['/api/v1/im/ptp/due-soon?days=91', 'days'],
  ])('%s is 400 naming %s', async (url, field) => {
    expect(await call(platform.app, 'GET', url, { token: world.c.token })).toMatchObject({ status: 400, body: naming(field) });
  });

  it('without a token both are 401', async () => {
    expect(await call(platform.app, 'GET', '/api/v1/im/ptp/my')).toMatchObject({ status: 401, body: error(401) });
    expect(await call(platform.app, 'GET', '/api/v1/im/ptp/due-soon')).toMatchObject({ status: 401, body: error(401) });
  });
});

describe('PUT /api/v1/im/ptp/{ptp_id}/status', () => {
  const put = (token: string | undefined, id: number | string, body: Record<string, unknown>) => call(platform.app, 'PUT', `/api/v1/im/ptp/${id}/status`, { token, body });

  it('closes a promise with what the collector reports, answering the promise', async () => {
    const c = await caseOf(world, world.a);
    const id = (await createPtp(world.a.token, c.id, { promise_date: day(1), promise_amount: 2000 })).body.data.id;
    const res = await put(world.a.token, id, { promise_status: 'kept', actual_repayment_date: day(0), actual_repayment_amount: 2000.0, notes: '客户按时还款' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      code: 200,
      message: '更新成功',
      data: { id, case_id: c.id, promise_status: 'kept', actual_repayment_date: day(0), actual_repayment_amount: 2000, notes: '客户按时还款', updated_at: expect.stringMatching(CCO_TIME) },
    });
  });

  it('partially_kept then broken; a closed promise cannot move (400) and stays as it was', async () => {
    const c = await caseOf(world, world.a);
    const id = (await createPtp(world.a.token, c.id, { promise_date: day(1), promise_amount: 2000 })).body.data.id;
    expect((await put(world.a.token, id, { promise_status: 'partially_kept', actual_repayment_amount: 500 })).body.data.promise_status).toBe('partially_kept');
    expect((await put(world.a.token, id, { promise_status: 'broken' })).body.data.promise_status).toBe('broken');
    expect(await put(world.a.token, id, { promise_status: 'kept' })).toMatchObject({ status: 400, body: error(400) });
    expect((await ptpsOf(world, c.id))[0].promiseStatus).toBe('broken');
  });

  it.each([
    ['promise_status', {}],
    ['promise_status', { promise_status: 'pending' }],
    ['actual_repayment_date', { promise_status: 'kept', actual_repayment_date: '25-11-2025' }],
    ['actual_repayment_amount', { promise_status: 'kept', actual_repayment_amount: -5 }],
  ])('a bad %s is 400 naming it and changes nothing', async (field, body) => {
    const c = await caseOf(world, world.a);
    const id = (await createPtp(world.a.token, c.id, { promise_date: day(1), promise_amount: 100 })).body.data.id;
    expect(await put(world.a.token, id, body)).toMatchObject({ status: 400, body: naming(field) });
    expect((await ptpsOf(world, c.id))[0].promiseStatus).toBe('pending');
  });

  it('another collector’s promise is 403 and unchanged; an unknown one 404; no token 401', async () => {
    const c = await caseOf(world, world.b);
    const id = (await createPtp(world.b.token, c.id, { promise_date: day(1), promise_amount: 100 })).body.data.id;
    expect(await put(world.a.token, id, { promise_status: 'broken' })).toMatchObject({ status: 403, body: error(403) });
    expect(await put(world.a.token, 99_999_999, { promise_status: 'broken' })).toMatchObject({ status: 404, body: error(404) });
    expect(await put(undefined, id, { promise_status: 'broken' })).toMatchObject({ status: 401, body: error(401) });
    expect((await ptpsOf(world, c.id))[0].promiseStatus).toBe('pending');
  });
});

describe('GET /api/v1/im/cases/{case_id}/repayments', () => {
  it('lists the repayments newest first with their count and the applied total; a pending offline one is listed, not summed', async () => {
    const c = await caseOf(world, world.a);
    const pay = (id: string, amount: string, date: string) =>
      platform.platform.router.executor.execute({
        query: 'mutation($i: RecordRepaymentInput!) { recordRepayment(input: $i) { duplicate } }',
        variables: { i: { caseId: String(c.id), repaymentId: id, amount, repaymentDate: date, repaymentChannel: 'bank_transfer', transactionNo: `TXN_${id}` } },
        headers: { authorization: `Bearer ${world.admin}` },
      });
    expect((await pay('R1', '500.00', `${day(-10)} 10:00:00`)).errors).toBeUndefined();
    expect((await pay('R2', '500.00', `${day(-5)} 10:00:00`)).errors).toBeUndefined();
    const offline = await call(platform.app, 'POST', `/api/v1/im/cases/${c.id}/offline-repayment`, { token: world.a.token, body: { repayment_amount: 200, repayment_method: 'cash' } });
    expect(offline.status).toBe(200);
    const res = await call(platform.app, 'GET', `/api/v1/im/cases/${c.id}/repayments`, { token: world.a.token });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      code: 200,
      message: 'success',
      data: {
        total_repayments: 3,
        total_repaid_amount: 1000,
        page: 1,
        size: 20,
        items: [
          { id: offline.body.data.id, repayment_date: day(0), repayment_amount: 200, repayment_channel: 'cash', transaction_no: null, status: 'pending' },
          { id: expect.any(Number), repayment_date: day(-5), repayment_amount: 500, repayment_channel: 'bank_transfer', transaction_no: 'TXN_R2', status: 'success' },
          { id: expect.any(Number), repayment_date: day(-10), repayment_amount: 500, repayment_channel: 'bank_transfer', transaction_no: 'TXN_R1', status: 'success' },
        ],
      },
    });
  });

  it('another collector’s case is 403, an unknown one 404; bad paging 400; no token 401', async () => {
    const theirs = await caseOf(world, world.b);
    expect(await call(platform.app, 'GET', `/api/v1/im/cases/${theirs.id}/repayments`, { token: world.a.token })).toMatchObject({ status: 403, body: error(403) });
    expect(await call(platform.app, 'GET', '/api/v1/im/cases/99999999/repayments', { token: world.a.token })).toMatchObject({ status: 404, body: error(404) });
    expect(await call(platform.app, 'GET', `/api/v1/im/cases/${theirs.id}/repayments?page=0`, { token: world.b.token })).toMatchObject({ status: 400, body: naming('page') });
    expect(await call(platform.app, 'GET', `/api/v1/im/cases/${theirs.id}/repayments`)).toMatchObject({ status: 401, body: error(401) });
  });
});

describe('POST /api/v1/im/cases/{case_id}/payment-link', () => {
  const link = (token: string | undefined, caseId: number, body: Record<string, unknown>) => call(platform.app, 'POST', `/api/v1/im/cases/${caseId}/payment-link`, { token, body });

  it('answers the gateway’s link, its QR code and its expiry (default 24 hours)', async () => {
    const c = await caseOf(world, world.a);
    const before = Date.now();
    const res = await link(world.a.token, c.id, { payment_amount: 2000.0, expire_hours: 24 });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      code: 200,
      message: 'success',
      data: {
        link_id: expect.stringMatching(/^[\w-]{16}$/),
        payment_link: expect.stringMatching(/^http:\/\/localhost:\d+\/pay\/[\w-]+\.[\w-]+$/),
        qr_code_url: expect.stringMatching(/\/qr\.png$/),
        payment_amount: 2000,
        expire_at: expect.stringMatching(CCO_TIME),
        status: 'active',
      },
    });
    const expireAt = DateTime.fromFormat(res.body.data.expire_at, 'yyyy-MM-dd HH:mm:ss', { zone }).toMillis();
    expect(expireAt).toBeGreaterThanOrEqual(before + 24 * 3_600_000 - 1000);
    expect(expireAt).toBeLessThanOrEqual(Date.now() + 24 * 3_600_000);
    // nothing is paid yet
    expect((await caseRow(world, c.id)).outstandingAmount.toFixed(2)).toBe('4000.00');
  });

  it.each([
    ['payment_amount', {}],
    ['payment_amount', { payment_amount: 0 }],
    ['payment_amount', { payment_amount: 4000.01 }],
    ['expire_hours', { payment_amount: 10, expire_hours: 0 }],
    ['expire_hours', { payment_amount: 10, expire_hours: 169 }],
  ])('a bad %s is 400 naming it', async (field, body) => {
    const c = await caseOf(world, world.a);
    expect(await link(world.a.token, c.id, body)).toMatchObject({ status: 400, body: naming(field) });
  });

  it('another collector’s case is 403, an unknown one 404, no token 401', async () => {
    const theirs = await caseOf(world, world.b);
    expect(await link(world.a.token, theirs.id, { payment_amount: 10 })).toMatchObject({ status: 403, body: error(403) });
    expect(await link(world.a.token, 99_999_999, { payment_amount: 10 })).toMatchObject({ status: 404, body: error(404) });
    expect(await link(undefined, theirs.id, { payment_amount: 10 })).toMatchObject({ status: 401, body: error(401) });
  });
});

describe('POST /api/v1/im/cases/{case_id}/offline-repayment', () => {
  const upload = (token: string | undefined, caseId: number, fields: Record<string, string>, file?: { name: string; type: string; bytes: Buffer }) => {
    const form = multipart(fields, file && { ...file, field: 'receipt_image' });
    return platform.app.inject({ method: 'POST', url: `/api/v1/im/cases/${caseId}/offline-repayment`, headers: { ...form.headers, ...(token ? { authorization: `Bearer ${token}` } : {}) }, payload: form.payload });
  };
  const receipt = { name: 'receipt 001.png', type: 'image/png', bytes: PNG };

  it('records the repayment pending review with its receipt, stored with its content type; the case is unchanged', async () => {
    const c = await caseOf(world, world.a);
    const res = await upload(world.a.token, c.id, { repayment_amount: '2000.00', repayment_date: day(0), repayment_method: 'cash', notes: '客户到机构现金还款' }, receipt);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toEqual({
      code: 200,
      message: '提交成功，等待审核',
      data: {
        id: expect.any(Number),
        case_id: c.id,
        repayment_amount: 2000,
        repayment_date: day(0),
        repayment_method: 'cash',
        status: 'pending',
        receipt_image_url: expect.stringMatching(/\/uploads\/[\w-]+\/receipt_001\.png$/),
        created_at: expect.stringMatching(CCO_TIME),
      },
    });
    const image = await platform.app.inject({ method: 'GET', url: new URL(body.data.receipt_image_url).pathname, headers: { authorization: `Bearer ${world.a.token}` } });
    expect(image.statusCode).toBe(200);
    expect(image.headers['content-type']).toBe('image/png');
    expect(image.rawPayload.equals(PNG)).toBe(true);
    const [row] = await repaymentsOf(world, c.id);
    expect({ confirmed: row.confirmed, source: row.source, amount: row.repaymentAmount.toFixed(2) }).toEqual({ confirmed: false, source: 'offline', amount: '2000.00' });
    expect((await caseRow(world, c.id)).outstandingAmount.toFixed(2)).toBe('4000.00');
  });

  it('an administrator’s confirmation applies it to the case (once)', async () => {
    const c = await caseOf(world, world.a);
    const id = (await upload(world.a.token, c.id, { repayment_amount: '1500.00' }, receipt)).json().data.id;
    const confirm = () =>
      platform.platform.router.executor.execute({
        query: 'mutation($id: ID!) { confirmRepayment(repaymentId: $id) { duplicate repayment { confirmed } } }',
        variables: { id: String(id) },
        headers: { authorization: `Bearer ${world.admin}` },
      });
    expect((await confirm()).data).toEqual({ confirmRepayment: { duplicate: false, repayment: { confirmed: true } } });
    expect((await confirm()).data).toEqual({ confirmRepayment: { duplicate: true, repayment: { confirmed: true } } });
    const after = await caseRow(world, c.id);
    expect({ outstanding: after.outstandingAmount.toFixed(2), status: after.caseStatus }).toEqual({ outstanding: '2500.00', status: 'partial_repayment' });
  });

  it('offline sync: the same client_id three times records one repayment and answers it each time', async () => {
    const c = await caseOf(world, world.a);
    const fields = { repayment_amount: '300.00', client_id: 'c0ffee00-offline-rep-1' };
    const first = (await upload(world.a.token, c.id, fields, receipt)).json();
    const again = await Promise.all([upload(world.a.token, c.id, fields, receipt), upload(world.a.token, c.id, fields, receipt)]);
    for (const res of again) expect(res.json().data.id).toBe(first.data.id);
    expect(await world.em().count(Repayment, { caseId: c.id })).toBe(1);
  });

  it.each([
    ['repayment_amount', {}, true],
    ['repayment_amount', { repayment_amount: '-1' }, true],
    ['repayment_amount', { repayment_amount: 'abc' }, true],
    ['repayment_date', { repayment_amount: '10', repayment_date: '2025/11/20' }, true],
    ['repayment_method', { repayment_amount: '10', repayment_method: 'gold' }, true],
    ['receipt_image', { repayment_amount: '10' }, false],
  ])('a bad or missing %s is 400 naming it and records nothing', async (field, fields, withFile) => {
    const c = await caseOf(world, world.a);
    const res = await upload(world.a.token, c.id, fields, withFile ? receipt : undefined);
    expect({ status: res.statusCode, body: res.json() }).toMatchObject({ status: 400, body: naming(field) });
    expect(await repaymentsOf(world, c.id)).toEqual([]);
  });

  it('a receipt that is not an image is 400; one above 10 MB is 413; a date ahead is 400; nothing is recorded', async () => {
    const c = await caseOf(world, world.a);
    const text = await upload(world.a.token, c.id, { repayment_amount: '10' }, { name: 'r.txt', type: 'text/plain', bytes: Buffer.from('not an image') });
    expect({ status: text.statusCode, body: text.json() }).toMatchObject({ status: 400, body: naming('receipt_image') });
    const big = await upload(world.a.token, c.id, { repayment_amount: '10' }, { ...receipt, bytes: Buffer.concat([PNG, Buffer.alloc(10 * 1024 * 1024)]) });
    expect({ status: big.statusCode, body: big.json() }).toMatchObject({ status: 413, body: { code: 413, data: null } });
    const ahead = await upload(world.a.token, c.id, { repayment_amount: '10', repayment_date: day(2) }, receipt);
    expect({ status: ahead.statusCode, body: ahead.json() }).toMatchObject({ status: 400, body: naming('repayment_date') });
    expect(await repaymentsOf(world, c.id)).toEqual([]);
  });

  it('a JSON body may name an image the collector uploaded before; any other URL or file is 400 and records nothing', async () => {
    const c = await caseOf(world, world.a);
    const json = (token: string, url: string) => call(platform.app, 'POST', `/api/v1/im/cases/${c.id}/offline-repayment`, { token, body: { repayment_amount: 10, receipt_image_url: url } });
    const uploadAs = async (token: string, file: { name: string; type: string; bytes: Buffer }) => {
      const form = multipart({ category: 'document' }, file);
      const res = await platform.app.inject({ method: 'POST', url: '/api/upload', headers: { ...form.headers, authorization: `Bearer ${token}` }, payload: form.payload });
      expect(res.statusCode).toBe(201);
      return res.json().data as { file_id: string; url: string };
    };
    expect(await json(world.a.token, 'https://cdn.example.com/receipt/001.jpg')).toMatchObject({ status: 400, body: naming('receipt_image_url') });
    const text = await uploadAs(world.a.token, { name: 'notes.txt', type: 'text/plain', bytes: Buffer.from('not an image') });
    expect(await json(world.a.token, text.url)).toMatchObject({ status: 400, body: naming('receipt_image_url') });
    const bobs = await uploadAs(world.b.token, receipt);
    expect(await json(world.a.token, bobs.url)).toMatchObject({ status: 400, body: naming('receipt_image_url') });
    expect(await repaymentsOf(world, c.id)).toEqual([]);
    const mine = await uploadAs(world.a.token, receipt);
    expect(await json(world.a.token, mine.url)).toMatchObject({ status: 200, body: { data: { status: 'pending', receipt_image_url: mine.url } } });
    expect((await repaymentsOf(world, c.id)).map((r) => r.receiptFileId)).toEqual([mine.file_id]);
  });

  it('another collector’s case is 403, an unknown one 404, no token 401; nothing is recorded', async () => {
    const theirs = await caseOf(world, world.b);
    const fields = { repayment_amount: '10' };
    expect((await upload(world.a.token, theirs.id, fields, receipt)).statusCode).toBe(403);
    expect((await upload(world.a.token, 99_999_999, fields, receipt)).statusCode).toBe(404);
    const anonymous = await upload(undefined, theirs.id, fields, receipt);
    expect({ status: anonymous.statusCode, body: anonymous.json() }).toEqual({ status: 401, body: error(401) });
    expect(await repaymentsOf(world, theirs.id)).toEqual([]);
  });
});
