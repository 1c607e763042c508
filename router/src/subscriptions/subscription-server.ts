import type { IncomingMessage, Server } from 'node:http';
import {
  getOperationAST,
  GraphQLError,
  parse,
  print,
  validate,
  type ExecutionResult,
  type FormattedExecutionResult,
  type GraphQLFormattedError,
  type GraphQLSchema,
  type ValidationRule,
} from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import {
  bearerToken,
  DomainError,
  requestIdFrom,
  SocketOperationLog,
  tokenExpiresAtMs,
  type Caller,
  type Logger,
  type RevocationList,
} from '@platform/kit';
import type { RouterContext } from '../context';
import type { ResolvedOperation } from '../limits/operation-limits';
import { formatOutside, type ErrorFormatter } from '../format-error';
import type { OperationRunner } from '../in-process-executor';
import { SessionSockets } from './session-sockets';
import type { subscriptionBridge } from './subscription-bridge';

export interface SubscriptionServerOptions {
  server: Server;
  path: string;
  production: boolean;
  /** Verifies a `Bearer …` header value; null when absent, throws when invalid or revoked. */
  authenticate(authorization: string | undefined): Promise<Caller | null>;
  /** Notifies revoked sessions, whichever instance revoked them: their sockets are closed with 4403. */
  revocations: Pick<RevocationList, 'onRevoke'>;
  /** How often held sockets are verified again, in case a revocation notice was lost (default 30 s). */
  recheckMs?: number;
  /** The client's address from the upgrade request, trusted proxies considered (as over HTTP). */
  clientAddress(request: IncomingMessage): string | undefined;
  /** The trusted-documents check, as over HTTP (before parsing): the refusal, or undefined to go on. */
  refuseDocument(source: string, caller: Caller): GraphQLError | undefined;
  /** The current API schema, undefined until the gateway has loaded. */
  schema(): GraphQLSchema | undefined;
  rules: ValidationRule[];
  /** The router's variable-dependent limits (coercion, cost), as over HTTP: the errors to answer, none to run. */
  limitErrors(operation: ResolvedOperation): GraphQLError[];
  subscribe: ReturnType<typeof subscriptionBridge>;
  /** Queries and mutations sent over the socket run like HTTP ones. */
  run: OperationRunner;
  formatError: ErrorFormatter;
  logger: Logger;
}

interface Connection {
  authorization: string;
  caller: Caller;
  clientAddress: string | undefined;
}

const RECHECK_MS = 30_000;

/**
 * The public graphql-ws endpoint. The token comes in `connection_init` (`authorization: "Bearer …"` or
 * `token`); without a valid one the socket is closed with 4403 Forbidden, as the protocol defines for
 * `onConnect` returning false. It is closed the same way later, when its session is revoked or its token expires.
 */
export async function serveSubscriptions(opts: SubscriptionServerOptions): Promise<{ close(): Promise<void> }> {
  const sessions = new SessionSockets();
  const stopListening = await opts.revocations.onRevoke((sessionId) => {
    // Called from the revoker's own call (in process) or a Redis event: a failure here must not reach either.
    try {
      sessions.revoked(sessionId);
    } catch (error) {
      opts.logger.error({ err: error }, 'could not end the sockets of a revoked session');
    }
  });
  const recheck = setInterval(() => void sessions.recheck(stillValid(opts)), opts.recheckMs ?? RECHECK_MS);
  recheck.unref();
  const wss = new WebSocketServer({ server: opts.server, path: opts.path });
  const connections = new WeakMap<object, Connection>();
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
          const release = sessions.hold(socket, caller.sessionId, authorization, expiresAtMs(authorization));
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
        const schema = opts.schema();
        if (!connection) return [new DomainError('UNAUTHENTICATED', 'Connection is not authenticated')];
        if (!schema) return [new DomainError('UNAVAILABLE', 'The router has not loaded its schema yet')];
        // A socket outlives its token: every new operation checks expiry and revocation again.
        try {
          await opts.authenticate(connection.authorization);
        } catch (error) {
          if (error instanceof GraphQLError) return [error];
          throw error;
        }
        const untrusted = opts.refuseDocument(payload.query, connection.caller);
        if (untrusted) return [untrusted];
        let document;
        try {
          document = parse(payload.query);
        } catch (error) {
          return [badInput(error)];
        }
        const invalid = validate(schema, document, opts.rules);
        if (invalid.length) return invalid.map(badInput);
        const operation = getOperationAST(document, payload.operationName);
        if (!operation) return [new DomainError('BAD_USER_INPUT', 'Operation not found in the document')];
        const args = { document, operationName: payload.operationName, variableValues: payload.variables ?? {} };
        const refused = opts.limitErrors({ schema, document, operationName: args.operationName, variables: args.variableValues });
        if (refused.length) return refused;
        const contextValue: RouterContext = {
          caller: connection.caller,
          headers: { authorization: connection.authorization, 'x-request-id': requestId, 'x-forwarded-for': connection.clientAddress },
        };
        return { schema, ...args, contextValue };
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
      clearInterval(recheck);
      await stopListening();
      sessions.clear();
      await server.dispose();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}

/** A socket whose token stopped verifying is ended; an error that says nothing about the token keeps it. */
function stillValid(opts: SubscriptionServerOptions) {
  return async (authorization: string): Promise<boolean> => {
    try {
      return (await opts.authenticate(authorization)) !== null;
    } catch (error) {
      if (error instanceof GraphQLError) return false;
      opts.logger.warn({ err: error }, 'could not re-check a subscription socket');
      return true;
    }
  };
}

function expiresAtMs(authorization: string): number | undefined {
  const token = bearerToken(authorization);
  return token ? tokenExpiresAtMs(token) : undefined;
}

function authorizationOf(params: Readonly<Record<string, unknown>> | undefined): string | undefined {
  if (typeof params?.authorization === 'string') return params.authorization;
  if (typeof params?.token === 'string') return `Bearer ${params.token}`;
  return undefined;
}

/** Parse and validation errors are the client's: BAD_USER_INPUT, as over HTTP. */
function badInput(error: unknown): GraphQLError {
  const source = error instanceof GraphQLError ? error : new GraphQLError(String(error));
  return new GraphQLError(source.message, {
    nodes: source.nodes,
    extensions: { ...source.extensions, code: 'BAD_USER_INPUT' },
  });
}

