import { GraphQLError, type ValidationRule } from 'graphql';
import { foldSelections } from './selection-walk';

/** Refuses operations nested deeper than `max` fields, a cheap guard against recursive-type abuse. */
export const depthLimitRule =
  (max: number): ValidationRule =>
  (context) => ({
    OperationDefinition(operation) {
      const depth = foldSelections(operation.selectionSet, (name) => context.getFragment(name), {
        field: (node, children) => 1 + (node.selectionSet ? children(node.selectionSet) : 0),
        combine: Math.max,
      });
      if (depth > max) {
        context.reportError(
          new GraphQLError(`Operation is ${depth} levels deep; the limit is ${max}`, {
            nodes: [operation],
            extensions: { reason: 'MAX_DEPTH', depth, limit: max },
          }),
        );
      }
    },
  });
