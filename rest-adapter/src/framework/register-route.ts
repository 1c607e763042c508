import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DB_TIME_EXTENSION, type GraphQLExecutor, type Logger, type ObjectStorage } from '@platform/kit';
import { forwardedHeaders } from './headers';
import { parseInput } from './input';
import { loadOperation, type LoadedOperation } from './operations';
import type { RateLimits } from './rate-limit';
import { RestError } from './rest-error';
import type { GraphQLRoute, LocalDeps, Route, RouteInput, StreamDeps } from './route';

export interface RouteDeps {
  executor: GraphQLExecutor;
  rateLimits: RateLimits;
  local: LocalDeps;
  logger: Logger;
  /** For the streaming routes (uploads, downloads); they answer 503 without it. */
  storage?: ObjectStorage;
  /** Sees every answer before the family's envelope (the contract tests check it against `response`). */
  checkPayload?: PayloadCheck;
}

export type PayloadCheck = (route: Route, payload: unknown) => void;

/** What the error handler and the OpenAPI need to know about the route that served a request. */
export interface RouteConfig {
  route: Route;
}

/** The largest list `allPages` reads (100 pages of 100): a bound, not an expectation. */
const MAX_PAGES = 100;
const PAGE_SIZE = 100;

export const fastifyPath = (path: string) => path.replace(/\{(\w+)\}/g, ':$1');

/** What the subgraphs reported about the request's operations, added up over them (pages read to the end). */
interface Reported {
  dbTimeMs?: number;
}

async function execute(
  deps: RouteDeps,
  op: LoadedOperation,
  variables: Record<string, unknown>,
  request: FastifyRequest,
  reported: Reported,
): Promise<Record<string, unknown>> {
  let result;
  try {
    result = await deps.executor.execute({
      query: op.document,
      operationName: op.name,
      variables,
      headers: forwardedHeaders(request),
    });
  } catch (error) {
    deps.logger.error({ err: error, operation: op.name }, 'the graph did not answer');
    throw new RestError('UNAVAILABLE', 'The service is temporarily unavailable');
  }
  // A REST answer is all or nothing: any error fails the request, with the first error's code.
  const dbTimeMs = result.extensions?.[DB_TIME_EXTENSION];
  if (typeof dbTimeMs === 'number') reported.dbTimeMs = (reported.dbTimeMs ?? 0) + dbTimeMs;
  const first = result.errors?.[0];
  if (first) throw RestError.fromGraphQL(first);
  if (!result.data) throw new RestError('INTERNAL', 'The graph returned no data');
  return result.data;
}

interface PageData {
  items: unknown[];
  total: number;
  pages: number;
}

/** Runs a page-by-page read to the end and returns the first answer with every item in one page. */
async function executeAllPages(
  deps: RouteDeps,
  op: LoadedOperation,
  variables: Record<string, unknown>,
  request: FastifyRequest,
  field: string,
  reported: Reported,
): Promise<Record<string, unknown>> {
  const first = await execute(deps, op, { ...variables, page: 1, pageSize: PAGE_SIZE }, request, reported);
  const page = first[field] as PageData;
  const items = [...page.items];
  for (let n = 2; n <= Math.min(page.pages, MAX_PAGES); n++) {
    const next = await execute(deps, op, { ...variables, page: n, pageSize: PAGE_SIZE }, request, reported);
    items.push(...(next[field] as PageData).items);
  }
  return { ...first, [field]: { ...page, items, page: 1, pageSize: items.length, pages: items.length ? 1 : 0 } };
}

async function runGraphQL(route: GraphQLRoute, op: LoadedOperation, input: RouteInput, request: FastifyRequest, deps: RouteDeps) {
  const variables = route.variables?.(input) ?? {};
  const field = route.allPages?.(input);
  const reported: Reported = {};
  const data = field
    ? await executeAllPages(deps, op, variables, request, field, reported)
    : await execute(deps, op, variables, request, reported);
  return { status: route.status ?? 200, payload: route.map(data, input), reported };
}

function send(reply: FastifyReply, route: Route, request: FastifyRequest, status: number, payload: unknown, reported: Reported = {}) {
  if (status === 204) return reply.code(204).send();
  const body = route.raw
    ? payload
    : route.family.success(payload, {
        requestId: request.id,
        method: route.method,
        status,
        message: route.message,
        elapsedMs: () => reply.elapsedTime,
        dbTimeMs: reported.dbTimeMs,
      });
  return reply.code(status).send(body);
}

function streamDeps(deps: RouteDeps, request: FastifyRequest): StreamDeps {
  return {
    // Asked for only once the graph has said yes, so an adapter without storage still answers 401/404/422 right.
    get storage() {
      if (!deps.storage) throw new RestError('UNAVAILABLE', 'File storage is not configured');
      return deps.storage;
    },
    graph: async (operation, variables) =>
      (await execute(deps, loadOperation(operation), variables as Record<string, unknown>, request, {})) as never,
  };
}

/**
 * Registers one route-table entry: rate limit, validate, run the operation (or the local handler), map,
 * wrap in the family's envelope. Errors are thrown to the adapter's error handler, which renders them.
 */
export function registerRoute(app: FastifyInstance, route: Route, deps: RouteDeps): void {
  // Loaded at start, so a missing operation stops the adapter rather than failing a request later.
  const op = route.kind === 'graphql' ? loadOperation(route.operation) : undefined;
  const config: RouteConfig = { route };
  app.route({
    method: route.method,
    url: fastifyPath(route.path),
    config,
    handler: async (request, reply) => {
      await deps.rateLimits.consume(route.rateLimit, { headers: request.headers, ip: request.ip });
      const input = parseInput(route, request);
      if (route.kind === 'stream') {
        const result = await route.handle(input as never, request, reply, streamDeps(deps, request));
        if ('sent' in result) return reply;
        deps.checkPayload?.(route, result.payload);
        return send(reply, route, request, result.status ?? route.status ?? 200, result.payload);
      }
      if (route.kind === 'local') {
        const result = await route.run(input, deps.local);
        deps.checkPayload?.(route, result.body);
        return send(reply, route, request, result.status ?? route.status ?? 200, result.body);
      }
      const { status, payload, reported } = await runGraphQL(route, op!, input, request, deps);
      deps.checkPayload?.(route, payload);
      return send(reply, route, request, status, payload, reported);
    },
  });
}
