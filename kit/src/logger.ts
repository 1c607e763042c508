import { randomUUID } from 'node:crypto';
import type { ApolloServerPlugin, GraphQLRequestContext } from '@apollo/server';
import { getOperationAST, type ExecutionArgs, type GraphQLFormattedError } from 'graphql';
import pino, { type DestinationStream, type Level, type Logger } from 'pino';
import { tagRequestId, toErrorCode } from './errors';

export type { Logger } from 'pino';

/** Paths whose values never reach a log line, whatever logs them. */
export const REDACTED_PATHS = [
  'password',
  '*.password',
  'newPassword',
  '*.newPassword',
  'secret',
  '*.secret',
  '*.apiSecret',
  'token',
  '*.token',
  '*.accessToken',
  '*.refreshToken',
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-signature"]',
  'headers.authorization',
  'connectionParams.authorization',
];

/** `destination` defaults to stdout; tests pass a memory stream to read the lines back. */
export function createLogger(opts: { name: string; level?: string; pretty?: boolean; destination?: DestinationStream }): Logger {
  const options = {
    name: opts.name,
    level: opts.level ?? 'info',
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    base: { service: opts.name },
    timestamp: pino.stdTimeFunctions.isoTime,
  };
  return opts.destination ? pino(options, opts.destination) : pino(options);
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The caller's request id when it is a sane token (safe to log and to echo in a header); otherwise a fresh UUID. */
export function requestIdFrom(value: unknown): string {
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' && REQUEST_ID.test(first) ? first : randomUUID();
}

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

/**
 * Logs every operation Apollo Server runs (HTTP and `executeOperation`) and tags its errors with the request id,
 * so the error formatter's `onInternal` can name the request (Apollo formats errors without it).
 */
export function operationLogPlugin<C extends object>(opts: {
  logger: Logger;
  level: Level;
  requestIdOf(context: C): string | undefined;
}): ApolloServerPlugin<C> {
  return {
    async requestDidStart({ contextValue }) {
      const started = performance.now();
      const requestId = opts.requestIdOf(contextValue);
      return {
        async didEncounterErrors({ errors }) {
          tagRequestId(errors, requestId);
        },
        async willSendResponse(request) {
          logOperation(opts.logger, opts.level, {
            requestId,
            operationName: request.operationName ?? request.request.operationName,
            operationType: request.operation?.operation,
            ms: performance.now() - started,
            errors: formattedErrors(request),
          });
        },
      };
    },
  };
}

export interface ContextLog {
  logger: Logger;
  level: Level;
  requestId: string;
  /** From the request body, whatever it holds. */
  operationName: unknown;
  elapsedMs(): number;
}

/**
 * Builds an operation's context. One refused there (a bad token) never reaches Apollo's plugins, so its line is
 * logged here, and its error tagged for the formatter.
 */
export async function loggedContext<C>(build: () => Promise<C>, log: ContextLog): Promise<C> {
  try {
    return await build();
  } catch (error) {
    tagRequestId([error], log.requestId);
    logOperation(log.logger, log.level, {
      requestId: log.requestId,
      operationName: log.operationName,
      operationType: null,
      ms: log.elapsedMs(),
      errors: [typeof error === 'object' && error !== null ? error : {}],
    });
    throw error;
  }
}

/** What the client was sent: codes already mapped by the formatter. */
function formattedErrors<C extends object>(request: GraphQLRequestContext<C>): readonly GraphQLFormattedError[] | undefined {
  const body = request.response.body;
  if (body?.kind === 'single') return body.singleResult.errors;
  return body && 'initialResult' in body ? body.initialResult.errors : undefined;
}

interface SocketOperation {
  requestId: string | undefined;
  operationName: string | null | undefined;
  operationType: string | undefined;
  started: number;
  executing: boolean;
  /** One error per code: a long subscription may see many. */
  errors: Map<unknown, GraphQLFormattedError>;
}

/**
 * The same lines for a graphql-ws server, fed from its hooks (`socket` is graphql-ws's per-connection context):
 * `subscription started` once a subscription is live, and the operation line when any operation ends.
 * `loggedElsewhere` names operation types whose execution already logs (the router runs queries through Apollo).
 */
export class SocketOperationLog {
  private readonly sockets = new WeakMap<object, Map<string, SocketOperation>>();

  constructor(
    private readonly logger: Logger,
    private readonly level: Level,
    private readonly loggedElsewhere: readonly string[] = [],
  ) {}

  /** From `onSubscribe`: the clock starts. */
  begin(socket: object, id: string, requestId: string | undefined, operationName: string | null | undefined): void {
    let operations = this.sockets.get(socket);
    if (!operations) this.sockets.set(socket, (operations = new Map()));
    const operation = { requestId, operationName, operationType: undefined, started: performance.now(), executing: false, errors: new Map() };
    operations.set(id, operation);
  }

  requestId(socket: object, id: string): string | undefined {
    return this.find(socket, id)?.requestId;
  }

  /** From `onOperation`: the operation runs; a live subscription (an iterable result) is logged as started. */
  executing(socket: object, id: string, args: ExecutionArgs, result: unknown, requestId?: string): void {
    const operation = this.find(socket, id);
    if (!operation) return;
    operation.executing = true;
    operation.requestId = requestId ?? operation.requestId;
    const ast = getOperationAST(args.document, args.operationName);
    operation.operationType = ast?.operation;
    operation.operationName ??= ast?.name?.value;
    if (isAsyncIterable(result)) this.write(operation, 'subscription started');
  }

  /** From `onNext` and `onError`, with the errors as the client gets them. */
  errors(socket: object, id: string, errors: readonly GraphQLFormattedError[] | undefined): void {
    const operation = this.find(socket, id);
    for (const error of errors ?? []) operation?.errors.set(error.extensions?.code, error);
  }

  /** From `onError`: an operation refused before it ran gets no `onComplete`, so it ends here. */
  refused(socket: object, id: string): void {
    if (this.find(socket, id)?.executing === false) this.end(socket, id);
  }

  /** From `onComplete`. */
  end(socket: object, id: string): void {
    const operation = this.find(socket, id);
    if (!operation) return;
    this.sockets.get(socket)!.delete(id);
    const done = operation.executing && this.loggedElsewhere.includes(operation.operationType ?? '');
    if (!done) this.write(operation, OPERATION_MESSAGE);
  }

  private find(socket: object, id: string): SocketOperation | undefined {
    return this.sockets.get(socket)?.get(id);
  }

  private write(operation: SocketOperation, message: string): void {
    const line = { ...operation, ms: performance.now() - operation.started, errors: [...operation.errors.values()] };
    logOperation(this.logger, this.level, line, message);
  }
}

const isAsyncIterable = (value: unknown): boolean =>
  typeof value === 'object' && value !== null && Symbol.asyncIterator in value;
