/** A minimal GraphQL-over-HTTP client for setup and checks (the load itself goes through autocannon). */
export async function graphql<T = Record<string, unknown>>(
  url: string,
  query: string,
  opts: { variables?: Record<string, unknown>; token?: string } = {},
): Promise<T> {
  const response = await fetch(url, {
    method: 'POST',
    headers: requestHeaders(opts.token),
    body: JSON.stringify({ query, variables: opts.variables }),
    signal: AbortSignal.timeout(30_000),
  });
  const body = (await response.json()) as { data?: T; errors?: { message: string; extensions?: { code?: string } }[] };
  if (body.errors?.length || !body.data) {
    throw new Error(`${url} answered ${response.status}: ${JSON.stringify(body.errors ?? body).slice(0, 500)}`);
  }
  return body.data;
}

/** The headers of every benchmark request; JSON content type also satisfies Apollo's CSRF prevention. */
export function requestHeaders(token?: string): Record<string, string> {
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  return headers;
}
