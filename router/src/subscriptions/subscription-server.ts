import type { IncomingMessage, Server } from 'node:http';
import {
  print,
  type ExecutionResult,
  type FormattedExecutionResult,
  type GraphQLError,
  type GraphQLFormattedError,
} from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import { DomainError, requestIdFrom, SocketOperationLog, type Logger } from '@platform/kit';
import type { RouterContext } from '../context';
import { formatOutside, type ErrorFormatter } from '../format-error';
import type { OperationRunner } from '../in-process-executor';
import { admitOperation, type AdmissionOptions, type StreamHolder } from './operation-admission';
import { tokenExpiry, type SessionSockets } from './session-sockets';
import type { subscriptionBridge } from './subscription-bridge';

export interface SubscriptionServerOptions extends AdmissionOptions {
  server: Server;
  path: string;
  production: boolean;
  /** Where held sockets are ended when their session is revoked or their token expires (4403). */
  sessions: SessionSockets;
  /** The client's address from the upgrade request, trusted proxies considered (as over HTTP). */
  clientAddress(request: IncomingMessage): string | undefined;
  subscribe: ReturnType<typeof subscriptionBridge>;
  /** Queries and mutations sent over the socket run like HTTP ones. */
  run: OperationRunner;
  formatError: ErrorFormatter;
  logger: Logger;
}

/**
 * The public graphql-ws endpoint. The token comes in `connection_init` (`authorization: "Bearer …"` or
 * `token`); without a valid one the socket is closed with 4403 Forbidden, as the protocol defines for
 * `onConnect` returning false. It is closed the same way later, when its session is revoked or its token expires.
 */
export function serveSubscriptions(opts: SubscriptionServerOptions): { close(): Promise<void> } {
  const { sessions } = opts;
  const wss = new WebSocketServer({ server: opts.server, path: opts.path });
  const connections = new WeakMap<object, StreamHolder>();
  // Queries and mutations sent over the socket run through Apollo, whose plugin logs them already.
  const log = new SocketOperationLog(opts.logger, 'info', ['query', 'mutation']);
  const formatAll = (ctx: object, id: string, errors: readonly (GraphQLError | GraphQLFormattedError)[] | undefined) => {
    const formatted = errors?.map((error) => formatOutside(opts.formatError, error, log.requestId(ctx, id)));
    log.errors(ctx, id, formatted);
    return formatted;
  };

  const server = useServer(
    {
      isProd: opts.production,
      onConnect: async (ctx) => {
        const authorization = authorizationOf(ctx.connectionParams);
        try {
          const caller = await opts.authenticate(authorization);
          if (!caller || !authorization) return false;
          const { socket } = ctx.extra;
          const release = sessions.hold(socket, caller.sessionId, authorization, tokenExpiry(authorization));
          socket.once('close', release);
          // A revocation notified between the check above and hold() reached no one: check again, now held.
          try {
            await opts.authenticate(authorization);
          } catch {
            release();
            return false;
          }
          connections.set(ctx, { authorization, caller, clientAddress: opts.clientAddress(ctx.extra.request) });
          return true;
        } catch {
          return false;
        }
      },
      onSubscribe: async (ctx, id, payload) => {
        // One socket carries many operations: each has its own id, the client's (`extensions.requestId`) when sane.
        const requestId = requestIdFrom(payload.extensions?.requestId);
        log.begin(ctx, id, requestId, payload.operationName);
        const connection = connections.get(ctx);
        if (!connection) return [new DomainError('UNAUTHENTICATED', 'Connection is not authenticated')];
        return admitOperation(opts, connection, payload, requestId);
      },
      // Results may hold formatted errors (from subgraphs) beside GraphQLErrors; `onNext` formats both,
      // graphql-ws itself only serialises them, whatever its types say.
      subscribe: (args) => opts.subscribe(args) as Promise<AsyncIterable<ExecutionResult> | ExecutionResult>,
      execute: (args) =>
        opts.run(args.contextValue as RouterContext, {
          query: print(args.document),
          variables: (args.variableValues ?? undefined),
          operationName: args.operationName ?? undefined,
        }) as Promise<ExecutionResult>,
      onOperation: (ctx, id, _payload, args, result) => {
        log.executing(ctx, id, args, result);
      },
      onNext: (ctx, id, _payload, _args, result): FormattedExecutionResult => ({
        ...result,
        errors: formatAll(ctx, id, result.errors),
      }),
      onError: (ctx, id, _payload, errors) => {
        const formatted = formatAll(ctx, id, errors)!;
        log.refused(ctx, id);
        return formatted;
      },
      onComplete: (ctx, id) => log.end(ctx, id),
    },
    wss,
  );

  return {
    async close() {
      await server.dispose();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}

function authorizationOf(params: Readonly<Record<string, unknown>> | undefined): string | undefined {
  if (typeof params?.authorization === 'string') return params.authorization;
  if (typeof params?.token === 'string') return `Bearer ${params.token}`;
  return undefined;
}
