import type { GraphQLFormattedError } from 'graphql';

/**
 * graphql-js ends validation and coercion messages with "Did you mean …?", naming fields, arguments, types and enum
 * values close to the client's mistake: with introspection off (production) that still spells the schema out, one
 * guess at a time. The message without that tail.
 */
export const withoutSuggestions = (message: string): string => message.replace(/ ?Did you mean(.+?)\?$/, '');

/** The errors as sent to a client, their suggestions removed. */
export const hideSuggestions = (errors: readonly GraphQLFormattedError[]): GraphQLFormattedError[] =>
  errors.map((error) => ({ ...error, message: withoutSuggestions(error.message) }));
