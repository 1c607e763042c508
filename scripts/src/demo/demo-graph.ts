/** Runs a GraphQL operation as the signed-in admin (or anonymously) and answers its data, or throws its errors. */
export type DemoGraph = <T>(query: string, variables?: Record<string, unknown>, token?: string) => Promise<T>;

interface GraphResult {
  data?: unknown;
  errors?: ReadonlyArray<{ message: string; extensions?: { code?: string } }>;
}

export const throwingErrors = <T>(result: GraphResult): T => {
  if (result.errors?.length) throw new Error(result.errors.map((e) => `${e.extensions?.code ?? 'ERROR'}: ${e.message}`).join('; '));
  return result.data as T;
};

/** A running platform's router over HTTP. */
export const httpGraph = (url: string): DemoGraph => async <T>(query: string, variables?: Record<string, unknown>, token?: string) => {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token && { authorization: `Bearer ${token}` }) },
    body: JSON.stringify({ query, variables }),
  });
  return throwingErrors<T>((await res.json()) as GraphResult);
};
