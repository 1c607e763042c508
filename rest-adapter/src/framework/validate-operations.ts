import { validate } from 'graphql';
import { apiSchemaOf } from './api-schema';
import { loadOperation } from './operations';
import type { Route } from './route';

export { apiSchemaOf };

export interface OperationProblem {
  operation: string;
  message: string;
}

/**
 * Validates every operation the routes run against the supergraph's API schema. Returns the problems (empty
 * when all is well) so a test can list them; `assertOperationsValid` throws instead, for start-up.
 */
export function validateOperations(supergraphSdl: string, routes: readonly Route[]): OperationProblem[] {
  const schema = apiSchemaOf(supergraphSdl);
  const problems: OperationProblem[] = [];
  const seen = new Set<string>();
  for (const route of routes) {
    if (route.kind !== 'graphql') continue;
    const { name } = loadOperation(route.operation);
    if (seen.has(name)) continue;
    seen.add(name);
    for (const error of validate(schema, route.operation)) problems.push({ operation: name, message: error.message });
  }
  return problems;
}

export function assertOperationsValid(supergraphSdl: string, routes: readonly Route[]): void {
  const problems = validateOperations(supergraphSdl, routes);
  if (problems.length) {
    const lines = problems.map((p) => `${p.operation}: ${p.message}`);
    throw new Error(`REST adapter operations do not match the supergraph:\n  - ${lines.join('\n  - ')}`);
  }
}
