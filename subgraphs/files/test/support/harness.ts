import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildSchema, graphql } from 'graphql';
import { bearerToken, DeferredGraphAccess, forkForTenant, type Caller, type GraphAccess, type TokenSigner } from '@platform/kit';
import { BASE_ROLES, SubgraphHarness, type UntypedJson } from '@platform/testkit';
import { ExportTask, files, registerExportKind, type FilesDeps, type FilesRuntime } from '@platform/files';
import type { ExecutionResult } from 'graphql';

export const TENANT = '1';
export const OTHER_TENANT = '2';

export const callers = {
  superAdmin: BASE_ROLES.SuperAdmin({ tenantId: TENANT, userId: '1' }),
  tenantAdmin: BASE_ROLES.TenantAdmin({ tenantId: TENANT, userId: '2' }),
  admin: BASE_ROLES.admin({ tenantId: TENANT, userId: '3' }),
  alice: BASE_ROLES.user({ tenantId: TENANT, userId: '11', username: 'alice' }),
  bob: BASE_ROLES.user({ tenantId: TENANT, userId: '12', username: 'bob' }),
  outsider: BASE_ROLES.user({ tenantId: OTHER_TENANT, userId: '21', username: 'olga' }),
  otherAdmin: BASE_ROLES.admin({ tenantId: OTHER_TENANT, userId: '22' }),
};

/**
 * A stand-in for the router in the export tests: `rows(afterId, first)` over `count` synthetic rows, answered only
 * to a token the runtime's signer verifies (the export runs as its requester), each row naming who asked.
 */
export function syntheticGraph(signer: () => TokenSigner, count: number, opts: { delayMs?: number } = {}): GraphAccess & { requesters: Set<string> } {
  const schema = buildSchema(`
    type Row { id: ID! name: String! amount: Float! askedBy: String! }
    type RowPage { total: Int! items: [Row!]! }
    type Query { rows(afterId: ID, first: Int!): RowPage! }
  `);
  const requesters = new Set<string>();
  const graph = new DeferredGraphAccess();
  graph.set({
    async execute({ query, variables, headers }) {
      const caller = signer().verifyAccess(bearerToken(headers.authorization)!);
      requesters.add(caller.userId);
      if (opts.delayMs) await new Promise((r) => setTimeout(r, opts.delayMs));
      const rootValue = {
        rows: ({ afterId, first }: { afterId?: string; first: number }) => {
          const start = afterId ? Number(afterId) : 0;
          const end = Math.min(count, start + first);
          const items = [];
          for (let i = start + 1; i <= end; i++) items.push({ id: String(i), name: `row ${i}`, amount: i / 100, askedBy: caller.userId });
          return { total: count, items };
        },
      };
      return (await graphql({ schema, source: query, variableValues: variables, rootValue }));
    },
  });
  return Object.assign(graph, { requesters });
}

registerExportKind({
  name: 'synthetic',
  fileStem: 'synthetic',
  sheetName: 'Rows',
  maxPageSize: 1000,
  async fetchPage(run, _filter, cursor, pageSize) {
    const data = await run('query Rows($afterId: ID, $first: Int!) { rows(afterId: $afterId, first: $first) { total items { id name amount askedBy } } }', {
      afterId: cursor.afterId,
      first: pageSize,
    });
    return data.rows as { total: number; items: Record<string, unknown>[] };
  },
  columns: [
    { header: 'ID', key: 'id', value: (r) => Number(r.id) },
    { header: 'Name', key: 'name', value: (r) => r.name as string },
    { header: 'Amount', key: 'amount', value: (r) => r.amount as number },
    { header: 'Asked by', key: 'askedBy', value: (r) => r.askedBy as string },
  ],
});

/** One files runtime in-process with a local store of its own (a temporary folder, removed at close). */
export class FilesClient {
  private constructor(
    private readonly harness: SubgraphHarness<FilesRuntime>,
    readonly storageDir: string | undefined,
  ) {}

  static async start(env: Record<string, string> = {}, deps?: FilesDeps, database?: 'sqlite' | 'mariadb'): Promise<FilesClient> {
    const storageDir = env.STORAGE_DIR ? undefined : mkdtempSync(path.join(tmpdir(), 'files-test-'));
    const harness = await SubgraphHarness.start(files, { env: { ...(storageDir && { STORAGE_DIR: storageDir }), ...env }, deps, database });
    return new FilesClient(harness, storageDir);
  }

  get runtime(): FilesRuntime {
    return this.harness.runtime;
  }

  get signer(): TokenSigner {
    return this.harness.runtime.signer;
  }

  run<T = UntypedJson>(as: Caller | null, query: string, variables?: Record<string, unknown>): Promise<ExecutionResult<T>> {
    return this.harness.exec<T>(query, variables, as);
  }

  ok<T = UntypedJson>(as: Caller | null, query: string, variables?: Record<string, unknown>): Promise<T> {
    return this.harness.data<T>(query, variables, as);
  }

  subscribe(as: Caller | null, query: string) {
    return this.harness.subscribe(query, as);
  }

  /** A task of `kind` requested by `as`, queued as `startExport` queues one (the test kinds have no mutation). */
  async queueExport(as: Caller, kind: string): Promise<string> {
    const em = forkForTenant(this.runtime.orm.em, null);
    const task = em.create(ExportTask, { tenantId: as.tenantId === null ? null : Number(as.tenantId), ownerId: as.userId, kind, filter: {}, requester: as });
    await em.flush();
    await this.runtime.services.exports.enqueue(task.id);
    return task.id;
  }

  async close() {
    await this.harness.close();
    if (this.storageDir) rmSync(this.storageDir, { recursive: true, force: true });
  }
}




export const TASK = /* GraphQL */ `query Task($id: ID!) { exportTask(id: $id) { id status progress totalRows fileName fileId errorMessage } }`;
export const PROGRESS = (taskId: string) => /* GraphQL */ `subscription { taskProgress(taskId: "${taskId}") { id status progress fileName } }`;

/** Polls the task until it is completed or failed. */
export async function finished(client: FilesClient, as: Caller, taskId: string, ms = 120_000) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    const { exportTask } = await client.ok<{ exportTask: { status: string; fileId: string | null; fileName: string | null; errorMessage: string | null } }>(as, TASK, { id: taskId });
    if (exportTask.status === 'completed' || exportTask.status === 'failed') return exportTask;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`task ${taskId} did not finish within ${ms} ms`);
}

export { asIterator, codeOf, nextEvent } from '@platform/testkit';
