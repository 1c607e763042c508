import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { execute, GraphQLError, parse, type DocumentNode } from 'graphql';
import type { DbTimer, SignedInContext, SubgraphRuntime } from '@platform/kit';
import type { RouterContext } from '../context';
import { adoptSignIn } from './signed-in';

type GatewayResponse = Awaited<ReturnType<GraphQLDataSource['process']>>;

/**
 * Embedded mode: runs the fetch on the subgraph's schema in this process. The subgraph still builds its
 * own context from the forwarded headers, so it verifies the token exactly as it would over HTTP.
 */
export class LocalDataSource implements GraphQLDataSource<RouterContext> {
  private readonly documents = new Map<string, DocumentNode>();

  constructor(private readonly runtime: SubgraphRuntime) {}

  async process(options: GraphQLDataSourceProcessOptions<RouterContext>): Promise<GatewayResponse> {
    const { request } = options;
    // Plans carry parsed fetch documents (QUERY_PLANNER_CONFIG); health checks come as text.
    const document = ('document' in options && options.document) || this.parse(request.query ?? '');
    const headers = (options.context as Partial<RouterContext>).headers ?? {};
    try {
      const contextValue = await this.runtime.createContext({ ...headers });
      const result = await execute({
        schema: this.runtime.schema,
        document,
        variableValues: request.variables,
        operationName: request.operationName,
        contextValue,
      });
      // Serialised exactly as an HTTP subgraph would answer, its SQL time added to the operation's.
      const dbTimeMs = (contextValue as { dbTimer?: DbTimer }).dbTimer?.ms;
      if (dbTimeMs !== undefined) (options.context as Partial<RouterContext>).dbTimer?.add(dbTimeMs);
      adoptSignIn(options.context, (contextValue as SignedInContext).signedIn);
      return { data: result.data, errors: result.errors?.map((e) => e.toJSON()) };
    } catch (error) {
      const graphqlError = error instanceof GraphQLError ? error : new GraphQLError(String(error));
      return { errors: [graphqlError.toJSON()] };
    }
  }

  private parse(query: string): DocumentNode {
    let document = this.documents.get(query);
    if (!document) {
      // Fetch operations come from a finite set of plans; the bound only guards against surprises.
      if (this.documents.size > 1000) this.documents.clear();
      document = parse(query);
      this.documents.set(query, document);
    }
    return document;
  }
}
