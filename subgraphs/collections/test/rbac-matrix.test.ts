import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { authHeaders, rbacMatrix, type RbacCase } from '@platform/testkit';
import { collections } from '@platform/collections';
import { CollectionsClient } from './support/harness';
import { RBAC_ROLES } from './rbac/roles';

/**
 * Every collections operation × every role. Each module lists its operations in `rbac/<module>.cases.ts`; the matrix
 * fails on an operation without a case (or a rule) and on a case naming no operation.
 */
const cases: Record<string, RbacCase> = {};
for (const file of readdirSync(join(__dirname, 'rbac')).filter((f) => f.endsWith('.cases.ts'))) {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- one file per module, found by name
  const mod = require(join(__dirname, 'rbac', file)) as Record<string, Record<string, RbacCase>>;
  for (const moduleCases of Object.values(mod)) Object.assign(cases, moduleCases);
}

let client: CollectionsClient;
beforeAll(async () => {
  client = await CollectionsClient.start();
});
afterAll(() => client.close());

rbacMatrix({
  title: 'collections RBAC matrix',
  schema: () => client.runtime.schema,
  rules: collections.permissions,
  roles: RBAC_ROLES,
  context: (caller) => client.runtime.createContext(authHeaders(client.runtime.signer, caller)),
  cases: {
    ...cases,
    // The kit's dead letters of collections' consumers: the platform super admin's alone.
    'Query.collectionsDeadLetters': { query: '{ collectionsDeadLetters { total } }', allow: ['SuperAdmin'] },
    'Mutation.replayCollectionsDeadLetter': { query: 'mutation { replayCollectionsDeadLetter(id: "999") { id } }', allow: ['SuperAdmin'] },
  },
});
