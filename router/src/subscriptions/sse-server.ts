import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  print,
  type ExecutionArgs,
  type ExecutionResult,
  type FormattedExecutionResult,
  type GraphQLError,
  type GraphQLFormattedError,
} from 'graphql';
import { createHandler } from 'graphql-sse/lib/use/fastify';
import { DomainError, type Logger } from '@platform/kit';
import type { RouterContext } from '../context';
import { formatOutside, type ErrorFormatter } from '../format-error';
import type { OperationRunner } from '../in-process-executor';
import { EventStream } from './event-stream';
import { admitOperation, type AdmissionOptions } from './operation-admission';
import { tokenExpiry, type SessionSockets } from './session-sockets';
import type { subscriptionBridge } from './subscription-bridge';

export interface EventStreamServerOptions extends AdmissionOptions {
  app: FastifyInstance;
  path: string;
  /** Where held streams are ended when their session is revoked or their token expires. */
  sessions: SessionSockets;
  subscribe: ReturnType<typeof subscriptionBridge>;
  run: OperationRunner;
  formatError: ErrorFormatter;
  logger: Logger;
}

type Result = ExecutionResult | FormattedExecutionResult;

/** Events waiting for a slow client before its stream ends, as the bridge bounds them. */
const MAX_BUFFERED_EVENTS = 256;

/** The HTTP status of an operation refused before its stream opens, by the first error's code. */
const REFUSAL_STATUS: Record<string, number> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, UNAVAILABLE: 503, RATE_LIMITED: 429 };

/**
 * GraphQL over Server-Sent Events (graphql-sse, "distinct connections" mode: one request per operation, `Accept:
 * text/event-stream`, the operation in the query string or a JSON body). The same operations, checks and limits as
 * graphql-ws: the token in `Authorization`, refused with 401 before any event; a stream whose session is revoked or
 * whose token expires ends with an UNAUTHENTICATED error event, then `complete`.
 */
export function serveEventStreams(opts: EventStreamServerOptions): void {
  const requestIds = new WeakMap<object, string>();
  const format = (errors: readonly (GraphQLError | GraphQLFormattedError)[] | undefined, requestId: string | undefined) =>
    errors?.map((error) => formatOutside(opts.formatError, error, requestId));

  // The context is the RouterContext admitOperation builds; graphql-sse only wants a record.
  const handler = createHandler<Record<PropertyKey, unknown>>({
    // No stream tokens: the "single connection" mode (PUT a reservation, then stream) is off.
    authenticate: () => null,
    // admitOperation validated with the router's rules already.
    validate: () => [],
    onSubscribe: async (req, params) => {
      const request = req.raw;
      const authorization = request.headers.authorization;
      let refusal: readonly GraphQLError[];
      try {
        const caller = await opts.authenticate(authorization);
        if (caller && authorization) {
          const admitted = await admitOperation(opts, { authorization, caller, clientAddress: request.ip }, params, request.id);
          if (!Array.isArray(admitted)) {
            requestIds.set(admitted.contextValue, request.id);
            return admitted as ExecutionArgs & { contextValue: Record<PropertyKey, unknown> };
          }
          refusal = admitted;
        } else {
          refusal = [new DomainError('UNAUTHENTICATED', 'Authentication required')];
        }
      } catch (error) {
        if (!(error instanceof Error && 'extensions' in error)) throw error;
        refusal = [error as GraphQLError];
      }
      const errors = format(refusal, request.id) ?? [];
      const status = REFUSAL_STATUS[String(errors[0]?.extensions?.code)] ?? 400;
      return [JSON.stringify({ errors }), { status, statusText: 'Refused', headers: { 'content-type': 'application/json; charset=utf-8' } }];
    },
    // Results may hold formatted errors (from subgraphs) beside GraphQLErrors; `onNext` formats both, whatever
    // graphql-sse's types say.
    subscribe: async (args) => {
      const result = await opts.subscribe(args);
      const stream = Symbol.asyncIterator in result ? held(opts.sessions, result, args.contextValue as unknown as RouterContext) : result;
      return stream as AsyncIterable<ExecutionResult> | ExecutionResult;
    },
    execute: (args) =>
      opts.run(args.contextValue as unknown as RouterContext, {
        query: print(args.document),
        variables: args.variableValues ?? undefined,
        operationName: args.operationName ?? undefined,
      }) as Promise<ExecutionResult>,
    onNext: (ctx, _req, result) => ({ ...result, errors: format(result.errors, requestIds.get(ctx)) }) as ExecutionResult,
  });

  const serve = async (request: FastifyRequest, reply: Parameters<typeof handler>[1]) => {
    // graphql-sse writes the response itself (headers set by the hooks so far included).
    reply.hijack();
    try {
      await handler(request, reply);
    } catch (error) {
      opts.logger.error({ err: error, requestId: request.id }, 'event stream failed');
      if (!reply.raw.headersSent) reply.raw.writeHead(500, { 'content-type': 'application/json; charset=utf-8' });
      reply.raw.end(JSON.stringify({ errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL' } }] }));
    }
  };
  opts.app.route({ method: ['GET', 'POST'], url: opts.path, handler: serve });
}

/**
 * The subscription's events, held in the session tracker: a revoked session or an expired token ends the stream
 * with an UNAUTHENTICATED error event (an event stream has no close code).
 */
function held(sessions: SessionSockets, source: AsyncIterableIterator<Result>, context: RouterContext): AsyncIterableIterator<Result> {
  const out = new EventStream<Result>(MAX_BUFFERED_EVENTS, () => ({
    errors: [new DomainError('UNAVAILABLE', 'Subscriber is too slow; subscription ended')],
  }));
  const authorization = context.headers.authorization ?? '';
  const release = context.caller
    ? sessions.hold(
        {
          close: (_code, reason) => {
            out.push({ errors: [new DomainError('UNAUTHENTICATED', reason)] });
            out.end();
          },
        },
        context.caller.sessionId,
        authorization,
        tokenExpiry(authorization),
      )
    : () => undefined;
  out.onDispose(() => {
    release();
    void source.return?.();
  });
  void (async () => {
    try {
      for (;;) {
        const step = await source.next();
        if (step.done) break;
        out.push(step.value);
      }
    } catch {
      out.push({ errors: [new DomainError('INTERNAL', 'Subscription event failed')] });
    } finally {
      out.end();
    }
  })();
  return out;
}
