import type { ExecutionResult } from 'graphql';
import type { GraphQLExecutor, OperationRequest } from '@platform/kit';

type Handler = (variables: Record<string, unknown>, request: OperationRequest) => ExecutionResult | Promise<ExecutionResult>;

export interface FakeExecutor extends GraphQLExecutor {
  calls: OperationRequest[];
  /** The operation names called, in order. */
  names(): string[];
}

/** Answers operations by name; an unknown operation answers an INTERNAL error so a test notices. */
export function fakeExecutor(handlers: Record<string, Handler> = {}): FakeExecutor {
  const calls: OperationRequest[] = [];
  return {
    calls,
    names: () => calls.map((c) => c.operationName ?? '(anonymous)'),
    async execute(request) {
      calls.push(request);
      const handler = handlers[request.operationName ?? ''];
      if (!handler) {
        if (request.query.trim() === '{ __typename }') return { data: { __typename: 'Query' } };
        return { errors: [{ message: `no fake for ${request.operationName}`, extensions: { code: 'INTERNAL' } }] as never };
      }
      return handler(request.variables ?? {}, request);
    },
  };
}

/** A GraphQL error result in the platform's vocabulary. */
export const gqlError = (code: string, message = code, extensions: Record<string, unknown> = {}): ExecutionResult =>
  ({ errors: [{ message, extensions: { code, ...extensions } }] }) as never;
