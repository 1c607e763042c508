import { randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import type { FastifyInstance } from 'fastify';
import { forkForTenant, type SubgraphRuntime } from '@platform/kit';
import { CollectionCase, PartnerPushBatch, Repayment } from '@platform/collections';
import { startPlatform, type Platform } from '@platform/scripts';
import { dropDatabases, PLATFORM_START_MS, uniqueDatabaseUrl } from '@platform/testkit';
import { ccoAdminToken } from './support/contract';
import { issuePartnerKey, partnerCaseRow, signedPush, type PartnerKey } from './support/partner';
import { silentLogger } from './support/silent-logger';

/**
 * decisions.md § CCO, pushes are idempotent — also when the duplicates race. Two platform instances (every subgraph,
 * router and REST adapter each), as two replicas behind a load balancer, share one MariaDB and one Redis;
 * 50 concurrent duplicates spread over both are applied once and every one answers the first result.
 */
const DUPLICATES = 50;
/** 50 signed requests through two platforms on a shared 2-core machine, the repayments one after another on the case's lock. */
const RACE_MS = 60_000;
const databaseUrl = uniqueDatabaseUrl('partner_int');
const run = randomBytes(4).toString('hex');
const env = (): NodeJS.ProcessEnv => ({
  NODE_ENV: 'test',
  LOG_LEVEL: 'silent',
  DATABASE_URL: databaseUrl,
  REDIS_URL: process.env.REDIS_URL,
  // Both instances count the same limits and replays, and share one event namespace, apart from other runs.
  RATE_LIMIT_PREFIX: `partner-int-${run}`,
  EVENT_BUS_PREFIX: `partner-int-${run}:`,
  EXPORT_QUEUE_PREFIX: `partner-int-exports-${run}`,
});

let a: Platform;
let b: Platform;
let key: PartnerKey;

const apps = (): FastifyInstance[] => [a.adapter.app, b.adapter.app];
function em(): EntityManager {
  const runtime = a.subgraphs.find((s) => s.name === 'collections') as SubgraphRuntime & { orm: { em: EntityManager } };
  return forkForTenant(runtime.orm.em, null);
}
async function outboxCount(topic: string): Promise<number> {
  const rows = await em().getConnection().execute<Array<{ n: number | string }>>('select count(*) as n from outbox_event where topic = ?', [topic]);
  return Number(rows[0].n);
}
/** The same body, sent `DUPLICATES` times at once; each copy signed afresh (its own timestamp), as a retrying client would. */
function race(send: (i: number, timestamp: number) => ReturnType<typeof signedPush>) {
  const now = Math.floor(Date.now() / 1000);
  return Promise.all(Array.from({ length: DUPLICATES }, (_, i) => send(i, now - i)));
}

beforeAll(async () => {
  // Every subgraph: the adapter checks its routes' operations against the whole supergraph.
  a = await startPlatform({ env: env(), logger: silentLogger }); // migrates and seeds first
  b = await startPlatform({ env: env(), logger: silentLogger });
  const admin = await ccoAdminToken(a.adapter.app, 'tenantadmin', 'admin123');
  const tenantId = Number(JSON.parse(Buffer.from(admin.split('.')[1], 'base64url').toString()).tid);
  key = await issuePartnerKey(b.adapter.app, admin, tenantId, 'core system');
}, PLATFORM_START_MS);
afterAll(async () => {
  await b?.close();
  await a?.close();
  await dropDatabases(databaseUrl);
}, PLATFORM_START_MS);

describe('racing duplicates on two instances (MariaDB + Redis)', () => {
  const cases = Array.from({ length: 20 }, (_, i) => partnerCaseRow(`CASE_RACE_${i + 1}`));

  it(`${DUPLICATES} copies of one batch: imported once, every answer the first result`, async () => {
    const body = JSON.stringify({ push_batch_no: 'BATCH_RACE', cases });
    const answers = await race((i, timestamp) => signedPush(apps()[i % 2], key, '/cases/import', body, { timestamp }));
    expect(answers.map((r) => r.status)).toEqual(Array(DUPLICATES).fill(200));
    const first = answers[0].body;
    expect(first.data).toMatchObject({ push_batch_no: 'BATCH_RACE', total: 20, success: 20, failed: 0, errors: [] });
    for (const answer of answers) expect(answer.body).toEqual(first);

    expect(await em().count(CollectionCase, { caseCode: { $like: 'CASE_RACE_%' } })).toBe(20);
    expect(await em().count(PartnerPushBatch, { pushBatchNo: 'BATCH_RACE' })).toBe(1);
    expect(await outboxCount('cases.imported')).toBe(1);
    const kase = await em().findOneOrFail(CollectionCase, { caseCode: 'CASE_RACE_1' });
    expect({ repaid: kase.repaidAmount.toFixed(2), outstanding: kase.outstandingAmount.toFixed(2) }).toEqual({ repaid: '1000.00', outstanding: '4000.00' });
  }, RACE_MS);

  it(`${DUPLICATES} copies of one repayment over both routes and both instances: applied once`, async () => {
    const repayment = JSON.stringify({
      repayment_id: 'PAY_RACE',
      case_code: 'CASE_RACE_1',
      repayment_amount: 500.0,
      repayment_date: '2025-11-20T15:00:00',
      repayment_channel: 'bank_transfer',
    });
    const notice = JSON.stringify({
      notify_type: 'repayment_success',
      case_code: 'CASE_RACE_1',
      repayment_id: 'PAY_RACE',
      repayment_amount: 500.0,
      transaction_time: '2025-11-20T15:00:00',
      repayment_channel: 'bank_transfer',
    });
    const answers = await race((i, timestamp) =>
      i % 2 === 0
        ? signedPush(apps()[Math.floor(i / 2) % 2], key, '/repayments', repayment, { timestamp })
        : signedPush(apps()[Math.floor(i / 2) % 2], key, '/repayment-notify', notice, { timestamp }),
    );
    expect(answers.map((r) => r.status)).toEqual(Array(DUPLICATES).fill(200));
    expect(answers.filter((r) => r.body.data.applied)).toHaveLength(1);
    const result = ({ applied: _applied, ...rest }: Record<string, unknown>) => rest;
    const first = result(answers[0].body.data);
    expect(first).toEqual({
      repayment_id: 'PAY_RACE',
      case_code: 'CASE_RACE_1',
      repayment_amount: 500,
      case_status: 'partial_repayment',
      repaid_amount: 1500,
      outstanding_amount: 3500,
      received_time: expect.any(String),
    });
    for (const answer of answers) expect(result(answer.body.data)).toEqual(first);

    const kase = await em().findOneOrFail(CollectionCase, { caseCode: 'CASE_RACE_1' });
    expect({ status: kase.caseStatus, repaid: kase.repaidAmount.toFixed(2), outstanding: kase.outstandingAmount.toFixed(2) }).toEqual({
      status: 'partial_repayment',
      repaid: '1500.00',
      outstanding: '3500.00',
    });
    expect(await em().count(Repayment, { repaymentId: 'PAY_RACE' })).toBe(1);
    expect(await outboxCount('repayment.received')).toBe(1);
  }, RACE_MS);
});
