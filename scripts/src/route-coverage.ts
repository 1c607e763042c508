import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ALL_ROUTES, CONTRACT_ROUTES_FILE, parseContractRoutes, routeCoverage, SOCKET_ROUTES } from '@platform/rest-adapter';

/** Part of `npm test`: how many of the contract's routes the adapter serves (a unit test checks the rest). */
function main(): void {
  const file = path.resolve(__dirname, '../..', CONTRACT_ROUTES_FILE);
  if (!existsSync(file)) {
    process.stdout.write(`routes served: ${ALL_ROUTES.length + SOCKET_ROUTES.length} of ? (${CONTRACT_ROUTES_FILE} not found beside the checkout)\n`);
    process.exitCode = 1;
    return;
  }
  const coverage = routeCoverage([...ALL_ROUTES, ...SOCKET_ROUTES], parseContractRoutes(readFileSync(file, 'utf8')));
  process.stdout.write(`routes served: ${coverage.served.length} of ${coverage.total}\n`);
}

main();
