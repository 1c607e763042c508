import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { routeKey } from '../../src';

const CONTRACT_TESTS = path.join(__dirname, '../contract');

/**
 * Requests written in a test's source: `call(app, 'GET', `/api/x/${id}`…)`, `inject({ method, url })` and
 * `openSocket(base, '/ws/x?…')` (method `WS`).
 */
const CALLS = [
  /\bcall\(\s*[\w.]+\s*,\s*'([A-Z]+)'\s*,\s*(['`])(.*?)\2/g,
  /\binject\(\s*\{\s*method:\s*'([A-Z]+)'\s*,\s*url:\s*(['`])(.*?)\2/g,
  /\bopenSocket\(\s*[\w.()]+\s*,\s*()(['`])(.*?)\2/g,
];

/** `METHOD /path` of every request the contract tests make, with `${…}` in a path read as one segment. */
export function contractTestRequests(dir = CONTRACT_TESTS): Array<{ method: string; path: string }> {
  return readdirSync(dir)
    .filter((file) => file.endsWith('.test.ts'))
    .flatMap((file) => {
      const source = readFileSync(path.join(dir, file), 'utf8');
      return CALLS.flatMap((pattern) =>
        [...source.matchAll(pattern)].map(([, method, , url]) => ({
          method: method || 'WS',
          path: url.replace(/\$\{[^}]*\}/g, 'x').split('?')[0],
        })),
      );
    });
}

type Served = { method: string; path: string };

const matcher = (route: Served) => new RegExp(`^${route.path.replace(/\{\w+\}/g, '[^/]+')}$`);

/** The routes no contract test calls. */
export function routesWithoutContractTest(routes: readonly Served[], requests = contractTestRequests()): string[] {
  return routes
    .filter((route) => !requests.some((r) => r.method === route.method && matcher(route).test(r.path)))
    .map(routeKey);
}
