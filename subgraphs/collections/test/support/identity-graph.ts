import { graphql } from 'graphql';
import { outsideRequests, type GraphAccess, type GraphQLExecutor } from '@platform/kit';
import { SubgraphHarness } from '@platform/testkit';
import { identity, type IdentityRuntime } from '@platform/identity';

/**
 * A real identity runtime in-process standing in for the router (collections' graph): collections' calls to identity
 * (staff accounts) run against identity's own schema, rules and database, with the caller's forwarded token. Both
 * runtimes use the test signing secret, so identity trusts the token collections mints for its caller.
 */
export class IdentityGraph implements GraphAccess {
  /** Every operation collections sent, for asserting what went through the graph. */
  readonly calls: string[] = [];

  private constructor(readonly harness: SubgraphHarness<IdentityRuntime>) {}

  static async start(): Promise<IdentityGraph> {
    return new IdentityGraph(await SubgraphHarness.start(identity));
  }

  executor(): Promise<GraphQLExecutor> {
    const runtime = this.harness.runtime;
    // As the embedded launcher's graph does: identity's transactions never join the calling request's.
    return Promise.resolve(outsideRequests({
      execute: async ({ query, variables, headers }) => {
        this.calls.push(query);
        const contextValue = await runtime.createContext(headers);
        const result = await graphql({ schema: runtime.schema, source: query, variableValues: variables, contextValue });
        return { data: result.data, errors: result.errors?.map((e) => e.toJSON()) };
      },
    }));
  }

  /** Signs in to identity as a person would; answers the error code when refused. */
  async login(login: string, password: string): Promise<string> {
    const result = await this.harness.exec(
      'mutation($i: LoginInput!) { login(input: $i) { accessToken } }',
      { i: { login, password, channel: 'WEB' } },
    );
    return result.errors ? String(result.errors[0].extensions?.code) : 'OK';
  }

  close() {
    return this.harness.close();
  }
}
