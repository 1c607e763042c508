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
  const documents = routes.flatMap((route) =>
    route.kind === 'graphql' ? [route.operation] : route.kind === 'stream' ? route.operations : [],
  );
  for (const document of documents) {
    const { name } = loadOperation(document);
    if (seen.has(name)) continue;
    seen.add(name);
    for (const error of validate(schema, document)) problems.push({ operation: name, message: error.message });
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
