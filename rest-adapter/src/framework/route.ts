import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { Headers, ObjectStorage } from '@platform/kit';
import type { ErrorData, ErrorMessages, Family, HttpMethod } from './family';
import type { Operation } from './operations';

/**
 * The rate-limit classes the adapter counts (004 "限流说明"), per verified user, else per client address.
 * `operation`: the operation limits itself where it runs (identity's login, refresh and register, so REST and
 * GraphQL count together): the adapter counts nothing and answers the graph's RATE_LIMITED as 429.
 * `none` for routes no document limits.
 */
export const ADAPTER_RATE_CLASSES = ['normal', 'upload', 'export'] as const;
export type AdapterRateClass = (typeof ADAPTER_RATE_CLASSES)[number];
export type RateLimitRule = { class: AdapterRateClass } | 'operation' | 'none';

export const rateLimit = {
  normal: { class: 'normal' } as RateLimitRule,
  upload: { class: 'upload' } as RateLimitRule,
  export: { class: 'export' } as RateLimitRule,
  operation: 'operation' as RateLimitRule,
  none: 'none' as RateLimitRule,
};

type AnySchema = z.ZodType;
type Out<S> = S extends z.ZodType ? z.output<S> : undefined;

/** A request after validation: what the route's `variables` and `map` see. */
export interface RouteInput<P = unknown, Q = unknown, B = unknown> {
  params: P;
  query: Q;
  body: B;
  headers: Headers;
  ip: string;
  /** `scheme://host` as the client reached the adapter (proxy headers as far as trusted), for URLs in answers. */
  origin: string;
  /** The JSON body exactly as received ('' without one): what a partner's signature covers. */
  rawBody: string;
}

type InputOf<PS, QS, BS> = RouteInput<Out<PS>, Out<QS>, Out<BS>>;

export interface RouteDocs {
  summary: string;
  /** Where the document is silent, what the route chose (decisions.md asks to say so in the OpenAPI). */
  description?: string;
}

/** The top-level fields of a route's documented `data`. */
export type ResponseField<RS> = RS extends z.ZodType ? Extract<keyof z.input<RS>, string> : never;

/**
 * Fields the document promises that the platform cannot answer yet, because the subgraph owning them is not
 * composed. Declared once, on the route: the OpenAPI marks them as not served, the route's `map` may not
 * return them, and the contract tests accept their absence (and fail once they are served, so the
 * declaration goes away with the gap).
 */
export interface PendingFields<K extends string> {
  fields: readonly K[];
  /** What serves them, e.g. `the worklogs subgraph`. */
  until: string;
}

/** What `map` returns: the documented `data` (as a client reads it), less the pending fields. */
export type MappedData<RS, P extends string> = RS extends z.ZodType
  ? [P] extends [never]
    ? z.input<RS>
    : Omit<z.input<RS>, P>
  : unknown;

interface RouteBase<PS, QS, BS, RS, P extends string> extends RouteDocs {
  method: HttpMethod;
  /** The contract path with `{param}` placeholders, exactly as the document writes it. */
  path: string;
  family: Family;
  params?: PS;
  query?: QS;
  body?: BS;
  /** The documented `data` (inside the family's envelope): the OpenAPI's promise, checked by the contract tests. */
  response?: RS;
  pending?: PendingFields<P>;
  /** 200 unless the document says 201 / 204. */
  status?: 200 | 201 | 204;
  /** The documented success message, e.g. `登录成功`. */
  message?: string;
  rateLimit: RateLimitRule;
  /** Whether the route needs a bearer token (documentation; the graph decides). */
  auth: boolean;
  /** The body is not wrapped in the family's envelope (health checks). */
  raw?: boolean;
  errorMessages?: ErrorMessages;
  errorData?: ErrorData;
  /** The longest string accepted anywhere in path, query or body; 10,000 characters unless raised here. */
  maxTextLength?: number;
  /** GraphQL input field → REST field name, where the default case conversion is not the contract's name. */
  fieldAliases?: Record<string, string>;
}

/** `variables` may be left out only when the operation needs none. */
type VariablesSpec<TVariables, I> = Record<string, never> extends TVariables
  ? { variables?: (input: I) => TVariables }
  : { variables: (input: I) => TVariables };

export type GraphQLRouteSpec<PS, QS, BS, RS, TData, TVariables, P extends string = never> = RouteBase<PS, QS, BS, RS, P> &
  VariablesSpec<TVariables, InputOf<PS, QS, BS>> & {
    /** A document of the family's `operations.generated.ts`: its result types `map`, its variables `variables`. */
    operation: Operation<TData, TVariables>;
    /**
     * The root field holding a `…Page` to read to the end (documents that show a whole list, not a page): the
     * adapter repeats the operation with `page` 1, 2, … and hands `map` one page holding every item.
     */
    allPages?: (input: InputOf<PS, QS, BS>) => Extract<keyof TData, string> | undefined;
    map: (data: TData, input: InputOf<PS, QS, BS>) => MappedData<RS, P>;
  };

export interface LocalResult {
  status?: number;
  body: unknown;
}

export interface LocalDeps {
  /** Named health checks (database, redis, …); `healthy` or `unhealthy` each. */
  health(): Promise<Record<string, 'healthy' | 'unhealthy'>>;
  app: AppInfo;
  startedAt: Date;
}

export interface AppInfo {
  name: string;
  version: string;
  environment: string;
  buildTime: string;
}

/** A route answered by the adapter itself (health, info): no GraphQL operation. */
export interface LocalRouteSpec<PS, QS, BS, RS> extends RouteBase<PS, QS, BS, RS, never> {
  run: (input: InputOf<PS, QS, BS>, deps: LocalDeps) => Promise<LocalResult>;
}

/** What a streaming route may use: object storage and the graph, as the caller. */
export interface StreamDeps {
  storage: ObjectStorage;
  /** Runs one of the family's operations through the router with the request's headers; answers `data` or throws. */
  graph<TData, TVariables>(operation: Operation<TData, TVariables>, variables: TVariables): Promise<TData>;
}

/** A streaming route either answers documented data (enveloped as usual) or has sent the reply itself (bytes). */
export type StreamResult = { status?: number; payload: unknown } | { sent: true };

/**
 * A route whose body or answer is bytes (multipart uploads, downloads): its handler streams between the request
 * and object storage, and asks the graph (as the caller) for everything else. Authorisation stays in the graph.
 */
export interface StreamRouteSpec<PS, QS, RS, BS = undefined> extends RouteBase<PS, QS, BS, RS, never> {
  /** The operations the handler runs, validated against the supergraph with every route's. */
  operations: readonly Operation<unknown, never>[];
  /** The multipart/form-data fields it reads (for the OpenAPI), on upload routes. */
  form?: Record<string, { type: 'string'; format?: 'binary'; enum?: readonly string[]; description?: string }>;
  /** It answers bytes (for the OpenAPI), on download routes: `true` for stored files of any type, else the one type it answers. */
  binary?: boolean | string;
  /** A JSON body (downloads asked for by POST, e.g. report exports); uploads read multipart `form` parts instead. */
  handle(input: InputOf<PS, QS, BS>, request: FastifyRequest, reply: FastifyReply, deps: StreamDeps): Promise<StreamResult>;
}

// The table holds routes of many input and operation types; their types matter only inside each entry.
// The schemas themselves stay typed as zod schemas, so the framework reading them needs no cast.
interface ErasedSchemas {
  params?: AnySchema;
  query?: AnySchema;
  body?: AnySchema;
  response?: AnySchema;
}
type SchemaKeys = keyof ErasedSchemas;
/* eslint-disable @typescript-eslint/no-explicit-any -- see above */
export type GraphQLRoute = Omit<GraphQLRouteSpec<any, any, any, any, any, any, string>, SchemaKeys | 'variables'> &
  ErasedSchemas & {
    kind: 'graphql';
    variables?: (input: RouteInput) => Record<string, unknown>;
  };
export type LocalRoute = Omit<LocalRouteSpec<any, any, any, any>, SchemaKeys> & ErasedSchemas & { kind: 'local' };
export type StreamRoute = Omit<StreamRouteSpec<any, any, any, any>, SchemaKeys> & ErasedSchemas & { kind: 'stream' };
/* eslint-enable @typescript-eslint/no-explicit-any -- the erased table types end here */
export type Route = GraphQLRoute | LocalRoute | StreamRoute;

/** A route that runs one GraphQL operation through the router and maps its data to the documented body. */
export function graphqlRoute<
  TData,
  TVariables,
  PS extends AnySchema | undefined = undefined,
  QS extends AnySchema | undefined = undefined,
  BS extends AnySchema | undefined = undefined,
  RS extends AnySchema | undefined = undefined,
  P extends ResponseField<RS> = never,
>(spec: GraphQLRouteSpec<PS, QS, BS, RS, TData, TVariables, P>): Route {
  return { ...spec, kind: 'graphql' } as Route;
}

export function localRoute<
  PS extends AnySchema | undefined = undefined,
  QS extends AnySchema | undefined = undefined,
  BS extends AnySchema | undefined = undefined,
  RS extends AnySchema | undefined = undefined,
>(spec: LocalRouteSpec<PS, QS, BS, RS>): Route {
  return { ...spec, kind: 'local' } as Route;
}

export function streamRoute<
  PS extends AnySchema | undefined = undefined,
  QS extends AnySchema | undefined = undefined,
  RS extends AnySchema | undefined = undefined,
  BS extends AnySchema | undefined = undefined,
>(spec: StreamRouteSpec<PS, QS, RS, BS>): Route {
  return { ...spec, kind: 'stream' } as Route;
}

export const routeKey = (route: { method: string; path: string }) => `${route.method} ${route.path}`;
