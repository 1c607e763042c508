import type { z } from 'zod';
import type { Headers } from '@platform/kit';
import type { ErrorMessages, Family, HttpMethod } from './family';
import type { OperationRef } from './operations';

/**
 * Rate-limit classes of 004 ("限流说明"): `login` counts attempts per (login id, client address), the others
 * per caller; `register` (no document limits sign-ups) per client address. `none` for routes no document limits.
 */
export type RateClass = 'login' | 'normal' | 'upload' | 'export' | 'register';
export type RateLimitRule = { class: 'login'; loginField: string } | { class: Exclude<RateClass, 'login'> } | 'none';

export const rateLimit = {
  login: (loginField: string): RateLimitRule => ({ class: 'login', loginField }),
  normal: { class: 'normal' } as RateLimitRule,
  upload: { class: 'upload' } as RateLimitRule,
  export: { class: 'export' } as RateLimitRule,
  /** Anonymous sign-ups: counted per client address, so tokens cannot be minted without bound. */
  register: { class: 'register' } as RateLimitRule,
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
}

export interface RouteDocs {
  summary: string;
  /** Where the document is silent, what the route chose (decisions.md asks to say so in the OpenAPI). */
  description?: string;
}

interface RouteBase<PS, QS, BS, RS> extends RouteDocs {
  method: HttpMethod;
  /** The contract path with `{param}` placeholders, exactly as the document writes it. */
  path: string;
  family: Family;
  params?: PS;
  query?: QS;
  body?: BS;
  /** The documented `data` (inside the family's envelope); documents the route and types `map`. */
  response?: RS;
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
  /** The longest string accepted anywhere in path, query or body; 10,000 characters unless raised here. */
  maxTextLength?: number;
  /** GraphQL input field → REST field name, where the default case conversion is not the contract's name. */
  fieldAliases?: Record<string, string>;
}

export interface GraphQLRouteSpec<PS, QS, BS, RS> extends RouteBase<PS, QS, BS, RS> {
  operation: OperationRef;
  variables?: (input: RouteInput<Out<PS>, Out<QS>, Out<BS>>) => Record<string, unknown>;
  /**
   * The root field holding a `…Page` to read to the end (documents that show a whole list, not a page): the
   * adapter repeats the operation with `page` 1, 2, … and hands `map` one page holding every item.
   */
  allPages?: (input: RouteInput<Out<PS>, Out<QS>, Out<BS>>) => string | undefined;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the data of a GraphQL operation
  map: (data: any, input: RouteInput<Out<PS>, Out<QS>, Out<BS>>) => RS extends z.ZodType ? z.input<RS> : unknown;
}

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
export interface LocalRouteSpec<PS, QS, BS, RS> extends RouteBase<PS, QS, BS, RS> {
  run: (input: RouteInput<Out<PS>, Out<QS>, Out<BS>>, deps: LocalDeps) => Promise<LocalResult>;
}

// The table holds routes of many input types; their types matter only inside each entry.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type GraphQLRoute = GraphQLRouteSpec<any, any, any, any> & { kind: 'graphql' };
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type LocalRoute = LocalRouteSpec<any, any, any, any> & { kind: 'local' };
export type Route = GraphQLRoute | LocalRoute;

/** A route that runs one GraphQL operation through the router and maps its data to the documented body. */
export function graphqlRoute<
  PS extends AnySchema | undefined = undefined,
  QS extends AnySchema | undefined = undefined,
  BS extends AnySchema | undefined = undefined,
  RS extends AnySchema | undefined = undefined,
>(spec: GraphQLRouteSpec<PS, QS, BS, RS>): Route {
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

export const routeKey = (route: Pick<Route, 'method' | 'path'>) => `${route.method} ${route.path}`;
