/** How the simulator's HTTP routes are declared and matched (its own §§ 3/4/6 and the extra ones it is given). */

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface SimulatorRequest {
  method: string;
  path: string;
  /** `:name` segments of the route's path. */
  params: Record<string, string>;
  query: Record<string, string>;
  /** The parsed JSON body (or the raw text when it is not JSON; null when empty). */
  body: unknown;
  rawBody: string;
  headers: Record<string, string>;
  /** Whether the call carried a valid signature or bearer token. */
  authenticated: boolean;
}

export interface SimulatorReply {
  status?: number;
  body: unknown;
}

export interface SimulatorRoute {
  method: HttpMethod;
  /** e.g. `/api/loans/:loan_id/repayments` */
  path: string;
  handler(request: SimulatorRequest): SimulatorReply | Promise<SimulatorReply>;
  /**
   * Refuse callers without a valid signature or token (401). The core system's own §§ 3/4/6 set it; extra routes
   * (the simulator's controls, e.g. push commands) are open unless they set it.
   */
  authenticate?: boolean;
}

/** The CCO-style answer `{code, message, data}`; § A's status codes double as the HTTP status. */
export const answer = (status: number, message: string, data?: unknown): SimulatorReply => ({
  status,
  body: data === undefined ? { code: status, message } : { code: status, message, data },
});

export const ok = (data: unknown, message = 'success'): SimulatorReply => answer(200, message, data);

/** The route matching `method path` and its `:name` params, or undefined. */
export function matchRoute(
  routes: readonly SimulatorRoute[],
  method: string,
  path: string,
): { route: SimulatorRoute; params: Record<string, string> } | undefined {
  const segments = path.split('/').filter(Boolean);
  for (const route of routes) {
    if (route.method !== method) continue;
    const pattern = route.path.split('/').filter(Boolean);
    if (pattern.length !== segments.length) continue;
    const params: Record<string, string> = {};
    const matches = pattern.every((part, i) => {
      if (part.startsWith(':')) {
        params[part.slice(1)] = decodeURIComponent(segments[i]);
        return true;
      }
      return part === segments[i];
    });
    if (matches) return { route, params };
  }
  return undefined;
}
