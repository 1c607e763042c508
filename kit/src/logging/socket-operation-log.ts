import { getOperationAST, type ExecutionArgs, type GraphQLFormattedError } from 'graphql';
import type { Level, Logger } from 'pino';
import { logOperation, OPERATION_MESSAGE } from './operation-line';

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
    if (!operations) this.sockets.set(socket, (operations = new Map<string, SocketOperation>()));
    const operation = { requestId, operationName, operationType: undefined, started: performance.now(), executing: false, errors: new Map<unknown, GraphQLFormattedError>() };
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
