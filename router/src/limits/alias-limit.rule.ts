import { GraphQLError, type ValidationRule } from 'graphql';
import { foldSelections } from './selection-walk';

/** Refuses operations with more than `max` aliases: aliases multiply the work of one field without nesting. */
export const aliasLimitRule =
  (max: number): ValidationRule =>
  (context) => ({
    OperationDefinition(operation) {
      const aliases = foldSelections(operation.selectionSet, (name) => context.getFragment(name), {
        field: (node, children) => (node.alias ? 1 : 0) + (node.selectionSet ? children(node.selectionSet) : 0),
        combine: (a, b) => a + b,
      });
      if (aliases > max) {
        context.reportError(
          new GraphQLError(`Operation uses ${aliases} aliases; the limit is ${max}`, {
            nodes: [operation],
            extensions: { reason: 'MAX_ALIASES', aliases, limit: max },
          }),
        );
      }
    },
  });
