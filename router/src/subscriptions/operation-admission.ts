import {
  getOperationAST,
  GraphQLError,
  parse,
  validate,
  type DocumentNode,
  type GraphQLSchema,
  type ValidationRule,
} from 'graphql';
import { DomainError, type Caller } from '@platform/kit';
import type { RouterContext } from '../context';
import type { ResolvedOperation } from '../limits/operation-limits';

/** The checks every streaming transport (graphql-ws, SSE) applies to an operation, as HTTP applies them. */
export interface AdmissionOptions {
  /** Verifies a `Bearer …` header value; null when absent, throws when invalid or revoked. */
  authenticate(authorization: string | undefined): Promise<Caller | null>;
  /** The trusted-documents check, as over HTTP (before parsing): the refusal, or undefined to go on. */
  refuseDocument(source: string, caller: Caller): GraphQLError | undefined;
  /** The current API schema, undefined until the gateway has loaded. */
  schema(): GraphQLSchema | undefined;
  rules: ValidationRule[];
  /** The router's variable-dependent limits (coercion, cost), as over HTTP: the errors to answer, none to run. */
  limitErrors(operation: ResolvedOperation): GraphQLError[];
}

/** Who holds a stream: verified once when it opened, re-verified for every operation. */
export interface StreamHolder {
  authorization: string;
  caller: Caller;
  clientAddress: string | undefined;
}

export interface OperationPayload {
  query: string;
  operationName?: string | null;
  variables?: Record<string, unknown> | null;
}

export interface AdmittedOperation {
  schema: GraphQLSchema;
  document: DocumentNode;
  operationName: string | undefined;
  variableValues: Record<string, unknown>;
  contextValue: RouterContext;
}

/**
 * The operation ready to run, or the errors to answer instead: the token verified again (a stream outlives its
 * token), trusted documents, parsing, validation with the router's rules, then the variable-dependent limits.
 */
export async function admitOperation(
  opts: AdmissionOptions,
  holder: StreamHolder,
  payload: OperationPayload,
  requestId: string,
): Promise<AdmittedOperation | GraphQLError[]> {
  const schema = opts.schema();
  if (!schema) return [new DomainError('UNAVAILABLE', 'The router has not loaded its schema yet')];
  try {
    await opts.authenticate(holder.authorization);
  } catch (error) {
    if (error instanceof GraphQLError) return [error];
    throw error;
  }
  const untrusted = opts.refuseDocument(payload.query, holder.caller);
  if (untrusted) return [untrusted];
  let document;
  try {
    document = parse(payload.query);
  } catch (error) {
    return [badInput(error)];
  }
  const invalid = validate(schema, document, opts.rules);
  if (invalid.length) return invalid.map(badInput);
  const operationName = payload.operationName ?? undefined;
  if (!getOperationAST(document, operationName)) return [new DomainError('BAD_USER_INPUT', 'Operation not found in the document')];
  const variableValues = payload.variables ?? {};
  const refused = opts.limitErrors({ schema, document, operationName, variables: variableValues });
  if (refused.length) return refused;
  const contextValue: RouterContext = {
    caller: holder.caller,
    headers: { authorization: holder.authorization, 'x-request-id': requestId, 'x-forwarded-for': holder.clientAddress },
  };
  return { schema, document, operationName, variableValues, contextValue };
}

/** Parse and validation errors are the client's: BAD_USER_INPUT, as over HTTP. */
function badInput(error: unknown): GraphQLError {
  const source = error instanceof GraphQLError ? error : new GraphQLError(String(error));
  return new GraphQLError(source.message, {
    nodes: source.nodes,
    extensions: { ...source.extensions, code: 'BAD_USER_INPUT' },
  });
}
