import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ALL_ROUTES, CONTRACT_ROUTES_FILE, parseContractRoutes, routeCoverage, SOCKET_ROUTES } from '../../src';
import { contractTestRequests, routesWithoutContractTest } from '../support/contract-test-calls';

const ROOT = path.join(__dirname, '../../..');

function contractRoutes(): string[] {
  const file = path.resolve(ROOT, CONTRACT_ROUTES_FILE);
  if (!existsSync(file)) throw new Error(`${file} is missing: the shared contracts folder sits beside the checkout`);
  return parseContractRoutes(readFileSync(file, 'utf8'));
}

/** HTTP routes and the documented WebSocket paths alike. */
const SERVED = [...ALL_ROUTES, ...SOCKET_ROUTES];

describe('route coverage', () => {
  it('every served route is one routes.tsv lists', () => {
    const contract = contractRoutes();
    expect(contract.length).toBeGreaterThan(0);
    expect(routeCoverage(SERVED, contract).unlisted).toEqual([]);
    expect(routeCoverage(SERVED, contract).served).toContain('WS /ws/notifications');
  });

  it('every served route has a contract test that calls it', () => {
    expect(routesWithoutContractTest(SERVED)).toEqual([]);
  });

  it('reads the calls of the contract tests, path placeholders included', () => {
    const requests = contractTestRequests();
    expect(requests).toContainEqual({ method: 'GET', path: '/api/employees/x' });
    expect(requests).toContainEqual({ method: 'DELETE', path: '/api/employees/x' });
    expect(requests).toContainEqual({ method: 'WS', path: '/ws/notifications' });
    expect(routesWithoutContractTest(ALL_ROUTES, [])).toHaveLength(ALL_ROUTES.length);
  });
});
