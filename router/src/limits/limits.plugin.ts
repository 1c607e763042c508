import type { ApolloServerPlugin } from '@apollo/server';
import { specifiedRules, type ValidationRule } from 'graphql';
import { aliasLimitRule } from './alias-limit.rule';
import { depthLimitRule } from './depth-limit.rule';
import type { Limits } from './limits';
import { operationLimitErrors } from './operation-limits';

/** Depth and aliases depend on the document only: validation rules, cached with the document by Apollo. */
export const limitRules = (limits: Limits): ValidationRule[] => [
  depthLimitRule(limits.depth),
  aliasLimitRule(limits.aliases),
];

/** Every rule an operation must pass at the router (HTTP and WebSocket alike). */
export const routerValidationRules = (limits: Limits, extra: ValidationRule[] = []): ValidationRule[] => [
  ...specifiedRules,
  ...limitRules(limits),
  ...extra,
];

/** Cost depends on variables (page sizes), so it is checked once the operation is resolved. */
export const costLimitPlugin = (limits: Limits): ApolloServerPlugin => ({
  // Apollo's hooks return promises; the check is synchronous, so a refusal is a rejected one.
  requestDidStart() {
    return Promise.resolve({
      didResolveOperation({ schema, document, operationName, request }) {
        const [first] = operationLimitErrors(limits, { schema, document, operationName, variables: request.variables });
        return first ? Promise.reject(first) : Promise.resolve();
      },
    });
  },
});
