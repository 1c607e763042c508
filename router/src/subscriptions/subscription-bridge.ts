import { buildOperationContext, executeQueryPlan, type GraphQLDataSource, type ServiceMap } from '@apollo/gateway';
import { operationFromDocument } from '@apollo/federation-internals';
import type { FetchNode, PlanNode, QueryPlan, SubscriptionNode } from '@apollo/query-planner';
import {
  GraphQLError,
  print,
  type ExecutionArgs,
  type ExecutionResult,
  type GraphQLFormattedError,
  type FormattedExecutionResult,
} from 'graphql';
import { DomainError, type Logger } from '@platform/kit';
import type { RouterContext } from '../context';
import { EventStream } from './event-stream';
import { ResumeCursor, resumableOperation } from './resumable-operation';
import type { SupergraphState } from './supergraph-state';
import type { Upstream } from './upstream';

export interface BridgeDeps {
  state(): SupergraphState | undefined;
  dataSources: Record<string, GraphQLDataSource>;
  upstreams: Record<string, Upstream>;
  logger: Logger;
}

/** Events a subscriber has not yet read before the subscription is dropped as too slow. */
const MAX_BUFFERED_EVENTS = 256;

type Result = ExecutionResult | FormattedExecutionResult;

/**
 * The gateway refuses subscriptions, so the router bridges them: plan the operation, subscribe to the
 * primary fetch on the subgraph owning the root field, and for every event run the rest of the plan
 * (entity fetches into other subgraphs) through the gateway's own executor, the primary fetch answered
 * by the event. A subscriber may therefore select fields of any subgraph.
 */
export function subscriptionBridge(deps: BridgeDeps) {
  const open = openBridge(deps);
  return async function subscribe(args: ExecutionArgs): Promise<AsyncIterableIterator<Result> | Result> {
    try {
      return await open(args);
    } catch (error) {
      // Thrown here, graphql-ws would close the whole socket: answer this one operation instead.
      if (error instanceof GraphQLError) return { errors: [error] };
      deps.logger.error({ err: error, requestId: requestIdOf(args) }, 'subscription could not start');
      return { errors: [new DomainError('INTERNAL', 'Subscription could not start')] };
    }
  };
}

function openBridge(deps: BridgeDeps) {
  return async (args: ExecutionArgs): Promise<AsyncIterableIterator<Result> | Result> => {
    const state = deps.state();
    if (!state) return { errors: [new DomainError('UNAVAILABLE', 'The router has not loaded its schema yet')] };
    const operationName = args.operationName ?? undefined;
    const operation = operationFromDocument(state.apiFederationSchema, args.document, { operationName });
    const node = state.planner.buildQueryPlan(operation).node;
    if (node?.kind !== 'Subscription') {
      return { errors: [new DomainError('INTERNAL', 'Subscription was not planned as one')] };
    }
    const upstream = deps.upstreams[node.primary.serviceName];
    if (!upstream) return { errors: [new DomainError('INTERNAL', `No upstream for ${node.primary.serviceName}`)] };

    const context = args.contextValue as RouterContext;
    const variables = (args.variableValues ?? {}) as Record<string, unknown>;
    const run = replanning(deps, state, node, args, context, variables);
    const tooSlow = (): Result => ({
      errors: [new DomainError('UNAVAILABLE', 'Subscriber is too slow; subscription ended')],
    });
    const stream = new EventStream<Result>(MAX_BUFFERED_EVENTS, tooSlow);
    // Events are resolved one after another so subscribers see them in upstream order; the queue of
    // events still being resolved is bounded like the stream's buffer.
    let chain = Promise.resolve();
    let queued = 0;
    const enqueue = (step: () => Promise<void> | void) => {
      if (queued >= MAX_BUFFERED_EVENTS) {
        stream.push(tooSlow());
        stream.end();
        return;
      }
      queued += 1;
      chain = chain
        .then(step)
        .catch((error) => {
          deps.logger.error({ err: error, requestId: context.headers['x-request-id'] }, 'subscription event failed');
          stream.push({ errors: [new DomainError('INTERNAL', 'Subscription event failed')] });
        })
        .finally(() => {
          queued -= 1;
        });
    };
    const resumable = resumableOperation(state.apiSchema, node.primary, variables);
    const cursor = new ResumeCursor(resumable?.initialAfter ?? null);
    const upstreamVariables = resumable
      ? () => resumable.variables(cursor.after)
      : () => pick(variables, node.primary.variableUsages);
    let closeUpstream: (() => void) | undefined;
    let legs = 0;
    // One leg per upstream subscription; a resumable one is subscribed again after its last event when it completes
    // having delivered some (a catch-up that hit its limit). Lost connections are resubscribed by the upstream itself.
    const openLeg = async (): Promise<void> => {
      const leg = ++legs;
      let deliveredWithId = 0;
      const close = await upstream.open(resumable?.fetch ?? node.primary, upstreamVariables, context.headers, {
        next: (received) => {
          let event = received;
          if (resumable) {
            const unwrapped = resumable.unwrap(received);
            if (unwrapped.id !== undefined) {
              if (!cursor.deliver(unwrapped.id)) return;
              deliveredWithId += 1;
            }
            event = unwrapped.event;
          }
          enqueue(async () => {
            if (!stream.closed) stream.push(await run(event));
          });
        },
        complete: (error) => {
          if (resumable && error === undefined && deliveredWithId > 0 && !stream.closed) {
            openLeg().catch((failure: unknown) =>
              enqueue(() => {
                deps.logger.warn({ err: failure, requestId: requestIdOf(args) }, 'subscription could not resume');
                stream.push({ errors: upstreamErrors(failure) });
                stream.end();
              }),
            );
            return;
          }
          enqueue(() => {
            if (error !== undefined) stream.push({ errors: upstreamErrors(error) });
            stream.end();
          });
        },
      });
      // A leg already followed by the next one (it completed before opening finished) is done with too.
      if (stream.closed || leg !== legs) close();
      else closeUpstream = close;
    };
    await openLeg();
    stream.onDispose(() => closeUpstream?.());
    return stream;
  };
}

/**
 * The event runner of the current supergraph. After a reload (Router.updateSupergraph) the operation is planned
 * again for the next event; the upstream stays open, so the new plan is used only when its primary fetch is the
 * one the upstream was opened with (the event carries that fetch's fields), else the plan it started with goes on.
 */
function replanning(
  deps: BridgeDeps,
  state: SupergraphState,
  node: SubscriptionNode,
  args: ExecutionArgs,
  context: RouterContext,
  variables: Record<string, unknown>,
) {
  let planned = { state, run: eventRunner(deps, state, node, args, context, variables) };
  return (event: FormattedExecutionResult): Promise<Result> => {
    const latest = deps.state();
    if (latest && latest !== planned.state) {
      const replanned = planOn(latest, args);
      const compatible =
        replanned?.primary.serviceName === node.primary.serviceName && replanned.primary.operation === node.primary.operation;
      if (!compatible) deps.logger.warn({ requestId: context.headers['x-request-id'] }, 'subscription kept its plan after a supergraph reload');
      planned = { state: latest, run: compatible ? eventRunner(deps, latest, replanned, args, context, variables) : planned.run };
    }
    return planned.run(event);
  };
}

/** The operation's subscription plan on `state`, or undefined when it no longer plans (or validates) there. */
function planOn(state: SupergraphState, args: ExecutionArgs): SubscriptionNode | undefined {
  try {
    const operation = operationFromDocument(state.apiFederationSchema, args.document, { operationName: args.operationName ?? undefined });
    const node = state.planner.buildQueryPlan(operation).node;
    return node?.kind === 'Subscription' ? node : undefined;
  } catch {
    return undefined;
  }
}

/** Runs `Sequence[primary, rest]` for one event; the primary's data source answers with the event itself. */
function eventRunner(
  deps: BridgeDeps,
  state: SupergraphState,
  node: SubscriptionNode,
  args: ExecutionArgs,
  context: RouterContext,
  variables: Record<string, unknown>,
) {
  const { primary, rest } = node;
  const plan: QueryPlan = {
    kind: 'QueryPlan',
    node: rest ? ({ kind: 'Sequence', nodes: [primary, rest] } satisfies PlanNode) : primary,
  };
  const operationName = args.operationName ?? undefined;
  const operationContext = buildOperationContext({
    schema: state.apiSchema,
    operationDocument: args.document,
    operationName,
  });
  const request = { query: print(args.document), variables, operationName };
  return async (event: FormattedExecutionResult): Promise<Result> => {
    if (!event.data) return { errors: event.errors ?? [] };
    const requestContext = {
      request,
      document: args.document,
      operationName: operationName ?? null,
      context,
      logger: deps.logger,
      metrics: {},
      cache: undefined,
      overallCachePolicy: undefined,
    };
    return executeQueryPlan(
      plan,
      answering(primary, event, deps.dataSources),
      requestContext as never,
      operationContext,
      state.supergraphSchema,
      state.apiFederationSchema,
    );
  };
}

function answering(
  primary: FetchNode,
  event: FormattedExecutionResult,
  sources: Record<string, GraphQLDataSource>,
): ServiceMap {
  const owner = sources[primary.serviceName];
  return {
    ...sources,
    [primary.serviceName]: {
      // Only the primary fetch is the event; later fetches back into the same subgraph go out as usual.
      process: (options) =>
        options.request.query === primary.operation
          ? Promise.resolve({ data: event.data, errors: event.errors })
          : owner.process(options),
    },
  };
}

const requestIdOf = (args: ExecutionArgs) => (args.contextValue as RouterContext).headers['x-request-id'];

function pick(variables: Record<string, unknown>, names: string[] | undefined): Record<string, unknown> {
  return Object.fromEntries((names ?? []).filter((n) => n in variables).map((n) => [n, variables[n]]));
}

/** graphql-ws reports GraphQL errors as an array, a lost socket as a close event, anything else as itself. */
function upstreamErrors(error: unknown): FormattedExecutionResult['errors'] & object {
  if (Array.isArray(error)) return error as GraphQLFormattedError[];
  if (error instanceof GraphQLError) return [error.toJSON()];
  return [{ message: 'Upstream subscription ended unexpectedly', extensions: { code: 'UNAVAILABLE' } }];
}
