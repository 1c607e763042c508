import type { ApolloServerPlugin } from '@apollo/server';
import { specifiedRules, type DocumentNode, type GraphQLSchema, type ValidationRule } from 'graphql';
import { DomainError } from '@platform/kit';
import { aliasLimitRule } from './alias-limit.rule';
import { depthLimitRule } from './depth-limit.rule';
import type { Limits } from './limits';
import { operationCost } from './operation-cost';

/** Depth and aliases depend on the document only: validation rules, cached with the document by Apollo. */
export const limitRules = (limits: Limits): ValidationRule[] => [
  depthLimitRule(limits.depth),
  aliasLimitRule(limits.aliases),
];

/** Every rule an operation must pass at the router (HTTP and WebSocket alike). */
export const routerValidationRules = (limits: Limits, extra: ValidationRule[] = []): ValidationRule[] => [
  ...specifiedRules,
  ...limitRules(limits),
  ...extra,
];

/** Cost depends on variables (page sizes), so it is checked once the operation is resolved. */
export function assertCost(
  limits: Limits,
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown> | undefined,
): void {
  const cost = operationCost(schema, document, operationName, variables);
  if (cost > limits.cost) {
    const message = `Operation is too expensive: estimated cost ${cost}, the limit is ${limits.cost}`;
    throw new DomainError('BAD_USER_INPUT', message, { reason: 'MAX_COST', cost, limit: limits.cost, http: { status: 400 } });
  }
}

export const costLimitPlugin = (limits: Limits): ApolloServerPlugin => ({
  async requestDidStart() {
    return {
      async didResolveOperation({ schema, document, operationName, request }) {
        assertCost(limits, schema, document, operationName, request.variables);
      },
    };
  },
});
