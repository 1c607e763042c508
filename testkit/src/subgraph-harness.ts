import { graphql, parse, subscribe, type ExecutionResult, type GraphQLFormattedError } from 'graphql';
import type { Caller, RequestContext, RunningSubgraph, Subgraph, SubgraphConfig, SubgraphDeps } from '@platform/kit';
import { dropDatabases, uniqueDatabaseUrl } from './databases';
import type { UntypedJson } from './untyped-json';

export interface HarnessOptions {
  /** Settings beyond the test defaults (NODE_ENV=test, LOG_LEVEL=silent). */
  env?: Record<string, string>;
  deps?: SubgraphDeps;
  /** `sqlite` (default): a libSQL `:memory:` database; `mariadb`: a database of its own on DATABASE_URL's server, dropped by close(). */
  database?: 'sqlite' | 'mariadb';
}

/** Who a request runs as: a caller (a token is signed for it), a token, or anonymous (null). */
export type As = Caller | string | null | undefined;

/** One subgraph runtime, called in-process with `graphql()` exactly as the router calls it. */
export class SubgraphHarness<Runtime extends RunningSubgraph<SubgraphConfig, unknown, RequestContext>> {
  private constructor(
    readonly runtime: Runtime,
    private readonly databaseUrl: string | undefined,
  ) {}

  static async start<Config extends SubgraphConfig, Services, Context extends RequestContext>(
    subgraph: Subgraph<Config, Services, Context>,
    options: HarnessOptions = {},
  ): Promise<SubgraphHarness<RunningSubgraph<Config, Services, Context>>> {
    const databaseUrl = options.database === 'mariadb' ? uniqueDatabaseUrl(subgraph.name) : undefined;
    const env = { NODE_ENV: 'test', LOG_LEVEL: 'silent', ...(databaseUrl && { DATABASE_URL: databaseUrl }), ...options.env };
    try {
      const runtime = await subgraph.start(subgraph.loadConfig(env), options.deps);
      return new SubgraphHarness(runtime, databaseUrl);
    } catch (error) {
      if (databaseUrl) await dropDatabases(databaseUrl);
      throw error;
    }
  }

  /** A one-hour access token for `caller`, signed with the runtime's secret. */
  tokenOf(caller: Caller): string {
    return this.runtime.signer.signAccess(caller, 3600);
  }

  headers(as: As, extra: Record<string, string> = {}): Record<string, string> {
    const token = typeof as === 'string' ? as : as ? this.tokenOf(as) : undefined;
    return { ...extra, ...(token ? { authorization: `Bearer ${token}` } : {}) };
  }

  async exec<T = UntypedJson>(query: string, variables?: Record<string, unknown>, as?: As, headers?: Record<string, string>) {
    let contextValue;
    try {
      contextValue = await this.runtime.createContext(this.headers(as, headers));
    } catch (error) {
      // As over HTTP: a refused token is the whole answer.
      return { errors: [error] } as unknown as ExecutionResult<T>;
    }
    return (await graphql({ schema: this.runtime.schema, source: query, variableValues: variables, contextValue })) as ExecutionResult<T>;
  }

  /** Like exec, but fails the test on any error and answers `data`. */
  async data<T = UntypedJson>(query: string, variables?: Record<string, unknown>, as?: As): Promise<T> {
    const result = await this.exec<T>(query, variables, as);
    if (result.errors?.length) throw new Error(`Unexpected errors: ${JSON.stringify(result.errors.map(describeError))}`);
    return result.data as T;
  }

  async subscribe(query: string, as?: As) {
    const contextValue = await this.runtime.createContext(this.headers(as));
    return subscribe({ schema: this.runtime.schema, document: parse(query), contextValue });
  }

  async close(): Promise<void> {
    try {
      await this.runtime.close();
    } finally {
      if (this.databaseUrl) await dropDatabases(this.databaseUrl);
    }
  }
}

export const describeError = (e: unknown) => {
  const err = e as GraphQLFormattedError;
  return { message: err.message, code: err.extensions?.code, field: err.extensions?.field, path: err.path };
};
