import { routeKey } from './route';

/** Where the contract route list sits: beside the checkout, in the shared contracts folder. */
export const CONTRACT_ROUTES_FILE = '../shared/contracts/routes.tsv';

/** `METHOD /path` of each route `routes.tsv` lists (columns: source, method, path; a header row). */
export function parseContractRoutes(tsv: string): string[] {
  const rows = tsv.split('\n').map((line) => line.trim()).filter(Boolean).map((line) => line.split('\t'));
  const [header, ...routes] = rows;
  if (header?.[1] !== 'method' || header[2] !== 'path') throw new Error('routes.tsv: expected the columns source, method, path');
  return routes.map(([, method, path]) => `${method} ${path}`);
}

export interface RouteCoverage {
  /** Contract routes the adapter serves. */
  served: string[];
  /** Routes the adapter serves that the contract list does not hold. */
  unlisted: string[];
  total: number;
}

export function routeCoverage(routes: readonly { method: string; path: string }[], contract: readonly string[]): RouteCoverage {
  const listed = new Set(contract);
  const keys = routes.map(routeKey);
  return {
    served: keys.filter((key) => listed.has(key)),
    unlisted: keys.filter((key) => !listed.has(key)),
    total: listed.size,
  };
}
