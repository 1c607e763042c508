import { getOperationAST, getVariableValues, GraphQLError, type DocumentNode, type GraphQLSchema } from 'graphql';
import { DomainError } from '@platform/kit';
import type { Limits } from './limits';
import { operationCost } from './operation-cost';

export interface ResolvedOperation {
  schema: GraphQLSchema;
  document: DocumentNode;
  operationName?: string | null;
  /** As the client sent them: coerced here exactly as execution will coerce them. */
  variables?: Record<string, unknown> | null;
}

/**
 * The limits that depend on variables, one function for HTTP and WebSocket: the cost is estimated from the coerced
 * variable values, defaults included, so `query($p: Int = 100) { users(pageSize: $p) … }` costs what
 * `users(pageSize: 100)` costs. Variables that do not coerce are the client's error. Empty when the operation may run.
 */
export function operationLimitErrors(limits: Limits, op: ResolvedOperation): GraphQLError[] {
  const operation = getOperationAST(op.document, op.operationName);
  if (!operation) return []; // the executor reports the missing operation
  const coerced = getVariableValues(op.schema, operation.variableDefinitions ?? [], op.variables ?? {});
  if (coerced.errors) return coerced.errors.map(badVariable);
  const cost = operationCost(op.schema, op.document, op.operationName, coerced.coerced);
  if (cost <= limits.cost) return [];
  const message = `Operation is too expensive: estimated cost ${cost}, the limit is ${limits.cost}`;
  return [new DomainError('BAD_USER_INPUT', message, { reason: 'MAX_COST', cost, limit: limits.cost, http: { status: 400 } })];
}

const badVariable = (error: GraphQLError): GraphQLError =>
  new GraphQLError(error.message, {
    nodes: error.nodes,
    extensions: { ...error.extensions, code: 'BAD_USER_INPUT', http: { status: 400 } },
  });
