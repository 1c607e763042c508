import { authHeaders, baseRoleCallers, callerFor, rbacMatrix } from '@platform/testkit';
import { worklogs } from '@platform/worklogs';
import { callers, codeOf, daysAgo, DETAIL, EXPORT, LIST, RATE, TENANT, UPDATE, WorklogsClient } from './support/harness';

const roles = {
  ...baseRoleCallers(TENANT, { SuperAdmin: '1', TenantAdmin: '2', admin: '3', user: '11', sales: '12', service: '13', collector: '14' }),
  // A custom role without any worklogs permission (HR data entry, say).
  noWorklogs: callerFor({ role: 'hr_clerk', tenantId: TENANT, userId: '15', permissions: ['employees:view'], scope: 'own' }),
};
const signedIn = Object.keys(roles).filter((role) => role !== 'anonymous' && role !== 'noWorklogs');
// The platform super admin holds every permission but belongs to no tenant: it writes no work log of its own.
const tenantMembers = signedIn.filter((role) => role !== 'SuperAdmin');

let client: WorklogsClient;
beforeAll(async () => {
  client = await WorklogsClient.start();
});
afterAll(() => client.close());

rbacMatrix({
  title: 'worklogs RBAC matrix',
  schema: () => client.runtime.schema,
  rules: worklogs.permissions,
  roles,
  context: (caller) => client.runtime.createContext(authHeaders(client.runtime.signer, caller)),
  cases: {
    'Query.workLogs': { query: '{ workLogs { total } }', allow: signedIn },
    // No such log: allowed callers get NOT_FOUND, which is the operation's business, not a refusal.
    'Query.workLog': { query: '{ workLog(id: "999") { id } }', allow: signedIn },
    'Query.workLogExportPage': { query: '{ workLogExportPage { total } }', allow: signedIn },
    'Mutation.createWorkLog': {
      query: `mutation { createWorkLog(input: { workContent: "rbac", logDate: "${daysAgo(9)}" }) { id } }`,
      allow: tenantMembers,
    },
    'Mutation.updateWorkLog': { query: 'mutation { updateWorkLog(id: "999", input: { workContent: "x" }) { id } }', allow: signedIn },
    'Mutation.rateWorkLog': { query: 'mutation { rateWorkLog(id: "999", input: { supervisorRating: 5 }) { id } }', allow: signedIn },
    // The kit's dead letters of worklogs' consumer: the platform super admin's alone.
    'Query.worklogsDeadLetters': { query: '{ worklogsDeadLetters { total } }', allow: ['SuperAdmin'] },
    'Mutation.replayWorklogsDeadLetter': { query: 'mutation { replayWorklogsDeadLetter(id: "999") { id } }', allow: ['SuperAdmin'] },
  },
});

/**
 * Scope: who reaches one log of alice's (mia supervises her; bob is her colleague; carl sits elsewhere; olga is
 * another tenant's). A log beyond the caller is NOT_FOUND, exactly as a missing one; one they see but may not
 * change is FORBIDDEN.
 */
describe('scope matrix over one of alice’s logs', () => {
  let id: string;
  beforeAll(async () => {
    id = await client.create(callers.alice, { logDate: daysAgo(20), workContent: 'scope', selfRating: 3 });
  });

  type Who = keyof typeof callers;
  const expectations: Record<string, Partial<Record<Who, string>>> = {
    read: { alice: 'ok', mia: 'ok', admin: 'ok', superAdmin: 'ok', bob: 'NOT_FOUND', carl: 'NOT_FOUND', olga: 'NOT_FOUND' },
    update: { alice: 'ok', mia: 'FORBIDDEN', admin: 'FORBIDDEN', superAdmin: 'FORBIDDEN', bob: 'NOT_FOUND', carl: 'NOT_FOUND', olga: 'NOT_FOUND' },
    rateOwn: { alice: 'FORBIDDEN' },
    rate: { bob: 'NOT_FOUND', carl: 'NOT_FOUND', olga: 'NOT_FOUND', mia: 'ok' },
    rated: { mia: 'CONFLICT', admin: 'CONFLICT', alice: 'FORBIDDEN' },
  };
  const outcome = (result: { errors?: readonly unknown[] }) => (result.errors?.length ? String(codeOf(result as never)) : 'ok');

  it('reading it (workLog, workLogs, workLogExportPage)', async () => {
    for (const [who, expected] of Object.entries(expectations.read) as Array<[Who, string]>) {
      expect({ who, got: outcome(await client.run(callers[who], DETAIL, { id })) }).toEqual({ who, got: expected });
      const listed = await client.ok<{ workLogs: { items: Array<{ id: string }> } }>(callers[who], LIST, { pageSize: 100 });
      const exported = await client.ok<{ workLogExportPage: { items: Array<{ id: string }> } }>(callers[who], EXPORT, {});
      const seen = expected === 'ok';
      expect({ who, listed: listed.workLogs.items.some((i) => i.id === id) }).toEqual({ who, listed: seen });
      expect({ who, exported: exported.workLogExportPage.items.some((i) => i.id === id) }).toEqual({ who, exported: seen });
    }
  });

  it('updating it: the owner alone', async () => {
    for (const [who, expected] of Object.entries(expectations.update) as Array<[Who, string]>) {
      const result = await client.run(callers[who], UPDATE, { id, input: { tomorrowPlan: `by ${who}` } });
      expect({ who, got: outcome(result) }).toEqual({ who, got: expected });
    }
  });

  it('rating it: not the owner, not a colleague, nobody outside; the supervisor; then nobody, the owner’s edits neither', async () => {
    for (const stage of ['rateOwn', 'rate', 'rated'] as const) {
      for (const [who, expected] of Object.entries(expectations[stage]) as Array<[Who, string]>) {
        const result = await client.run(callers[who], RATE, { id, input: { supervisorRating: 4 } });
        expect({ stage, who, got: outcome(result) }).toEqual({ stage, who, got: expected });
      }
    }
    expect(outcome(await client.run(callers.alice, UPDATE, { id, input: { workContent: 'after rating' } }))).toBe('CONFLICT');
    const log = await client.ok<{ workLog: { supervisorId: string; workContent: string } }>(callers.admin, DETAIL, { id });
    expect(log.workLog).toMatchObject({ supervisorId: callers.mia.userId, workContent: 'scope' });
  });
});
