import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ALL_ROUTES, CONTRACT_ROUTES_FILE, parseContractRoutes, routeCoverage } from '../../src';
import { contractTestRequests, routesWithoutContractTest } from '../support/contract-test-calls';

const ROOT = path.join(__dirname, '../../..');

function contractRoutes(): string[] {
  const file = path.resolve(ROOT, CONTRACT_ROUTES_FILE);
  if (!existsSync(file)) throw new Error(`${file} is missing: the shared contracts folder sits beside the checkout`);
  return parseContractRoutes(readFileSync(file, 'utf8'));
}

describe('route coverage', () => {
  it('every served route is one routes.tsv lists', () => {
    const contract = contractRoutes();
    expect(contract.length).toBeGreaterThan(0);
    expect(routeCoverage(ALL_ROUTES, contract).unlisted).toEqual([]);
  });

  it('every served route has a contract test that calls it', () => {
    expect(routesWithoutContractTest(ALL_ROUTES)).toEqual([]);
  });

  it('reads the calls of the contract tests, path placeholders included', () => {
    const requests = contractTestRequests();
    expect(requests).toContainEqual({ method: 'GET', path: '/api/employees/x' });
    expect(requests).toContainEqual({ method: 'DELETE', path: '/api/employees/x' });
    expect(routesWithoutContractTest(ALL_ROUTES, [])).toHaveLength(ALL_ROUTES.length);
  });
});
