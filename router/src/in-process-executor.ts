import type { ApolloServer } from '@apollo/server';
import { GraphQLError, type FormattedExecutionResult } from 'graphql';
import { DomainError, headerValue, loggedContext, requestIdFrom, type GraphQLExecutor, type Logger } from '@platform/kit';
import type { ContextBuilder, RouterContext } from './context';
import { formatOutside, type ErrorFormatter } from './format-error';

export interface OperationInput {
  query: string;
  variables?: Record<string, unknown>;
  operationName?: string;
}

/** Runs one operation through the router's Apollo Server (limits, plan, subgraphs) with a ready context. */
export type OperationRunner = (context: RouterContext, input: OperationInput) => Promise<FormattedExecutionResult>;

export function operationRunner(apollo: ApolloServer<RouterContext>): OperationRunner {
  return async (contextValue, input) => {
    const response = await apollo.executeOperation(input, { contextValue });
    if (response.body.kind !== 'single') {
      const message = 'Incremental delivery (@defer) is not supported here';
      return { errors: [{ message, extensions: { code: 'BAD_USER_INPUT' } }] };
    }
    return response.body.singleResult;
  };
}

/**
 * The router as a {@link GraphQLExecutor} in the same process (embedded mode): what the REST adapter
 * calls instead of HTTP. The token is verified exactly as on /graphql, and operations are logged alike.
 */
export function inProcessExecutor(
  run: OperationRunner,
  buildContext: ContextBuilder,
  format: ErrorFormatter,
  logger: Logger,
): GraphQLExecutor {
  return {
    async execute({ query, variables, operationName, headers }) {
      const started = performance.now();
      const requestId = requestIdFrom(headerValue(headers, 'x-request-id'));
      let context: RouterContext;
      try {
        context = await loggedContext(() => buildContext({ ...headers, 'x-request-id': requestId }), {
          logger,
          level: 'info',
          requestId,
          operationName,
          elapsedMs: () => performance.now() - started,
        });
      } catch (error) {
        const graphqlError =
          error instanceof GraphQLError ? error : new DomainError('INTERNAL', 'Context creation failed');
        return { errors: [formatOutside(format, graphqlError, requestId)] };
      }
      // Formatted errors are what a client sees over HTTP; the executor contract names graphql's result type.
      return await run(context, { query, variables, operationName });
    },
  };
}
