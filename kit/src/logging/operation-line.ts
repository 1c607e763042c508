import type { GraphQLFormattedError } from 'graphql';
import type { Level, Logger } from 'pino';
import { toErrorCode } from '../errors';

export interface OperationLine {
  requestId: string | undefined;
  /** Logged only when it is a GraphQL name: it may come from an unresolved, untrusted request. */
  operationName: unknown;
  operationType: string | null | undefined;
  ms: number;
  errors?: readonly Pick<GraphQLFormattedError, 'extensions'>[];
}

export const OPERATION_MESSAGE = 'graphql operation';

const GRAPHQL_NAME = /^[_A-Za-z][_0-9A-Za-z]{0,127}$/;

/**
 * The one line an operation leaves. Its fields are an allow-list, so variables, headers and tokens cannot reach
 * it however a caller grows `line`.
 */
export function logOperation(logger: Logger, level: Level, line: OperationLine, message = OPERATION_MESSAGE): void {
  const codes = [...new Set((line.errors ?? []).map((e) => toErrorCode(e.extensions?.code)))];
  logger[level](
    {
      requestId: line.requestId,
      operationName: typeof line.operationName === 'string' && GRAPHQL_NAME.test(line.operationName) ? line.operationName : null,
      operationType: line.operationType ?? null,
      ms: Math.round(line.ms),
      ...(codes.length ? { errorCodes: codes } : {}),
    },
    message,
  );
}
