import type { FormattedExecutionResult } from 'graphql';
import type { Headers } from './subgraph';

export interface OperationRequest {
  query: string;
  variables?: Record<string, unknown>;
  operationName?: string;
  /** Forwarded as they came: `authorization`, `x-request-id`, client address. */
  headers: Headers;
}

/**
 * Runs a GraphQL operation against the router. The REST adapter depends on nothing else:
 * in-process in the embedded mode, over HTTP when the router is another process.
 */
export interface GraphQLExecutor {
  execute(request: OperationRequest): Promise<FormattedExecutionResult>;
}
