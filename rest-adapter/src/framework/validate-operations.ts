import { Supergraph } from '@apollo/federation-internals';
import { parse, validate, type GraphQLSchema } from 'graphql';
import { loadOperation } from './operations';
import type { Route } from './route';

export interface OperationProblem {
  operation: string;
  file: string;
  message: string;
}

/** The client-facing API schema of a composed supergraph (what the router serves). */
export function apiSchemaOf(supergraphSdl: string): GraphQLSchema {
  return Supergraph.build(supergraphSdl).apiSchema().toGraphQLJSSchema();
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
    const op = loadOperation(route.operation);
    const key = `${op.folder}#${op.name}`;
    if (seen.has(key)) continue;
    seen.add(key);
    for (const error of validate(schema, parse(op.document))) {
      problems.push({ operation: op.name, file: op.file, message: error.message });
    }
  }
  return problems;
}

export function assertOperationsValid(supergraphSdl: string, routes: readonly Route[]): void {
  const problems = validateOperations(supergraphSdl, routes);
  if (problems.length) {
    const lines = problems.map((p) => `${p.operation} (${p.file}): ${p.message}`);
    throw new Error(`REST adapter operations do not match the supergraph:\n  - ${lines.join('\n  - ')}`);
  }
}
