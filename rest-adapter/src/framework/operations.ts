import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { Kind, print, type DocumentNode } from 'graphql';

export type { ResultOf, VariablesOf } from '@graphql-typed-document-node/core';

/**
 * One GraphQL operation of a family's `operations/*.graphql`, as `npm run codegen` generates it into the
 * family's `operations.generated.ts`: the document (with the fragments it uses) typed by its result and variables.
 */
export type Operation<TData = unknown, TVariables = Record<string, unknown>> = TypedDocumentNode<TData, TVariables>;

export interface LoadedOperation {
  name: string;
  /** The printed document, sent with `operationName`. */
  document: string;
}

const loaded = new WeakMap<DocumentNode, LoadedOperation>();

/** The operation's name and printed text (once per document); throws unless it holds one named operation. */
export function loadOperation(document: DocumentNode): LoadedOperation {
  const cached = loaded.get(document);
  if (cached) return cached;
  const operations = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
  const name = operations.length === 1 ? operations[0].name?.value : undefined;
  if (!name) throw new Error('a route operation must be a document holding exactly one named operation');
  const result = { name, document: print(document) };
  loaded.set(document, result);
  return result;
}
