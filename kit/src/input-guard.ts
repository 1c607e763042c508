import { MapperKind, mapSchema } from '@graphql-tools/utils';
import { defaultFieldResolver, type GraphQLFieldConfig, type GraphQLSchema } from 'graphql';
import { badInput } from './errors';

/**
 * C0 and C1 control characters and DEL, except tab, LF and CR: no field of any contract carries them, and a NUL
 * reaches the database driver as an error rather than as text.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point of this pattern
const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

/** The dotted path of the first string in `value` holding a control character, or undefined. */
export function controlCharacterPath(value: unknown, path: string): string | undefined {
  if (typeof value === 'string') return CONTROL_CHARACTER.test(value) ? path : undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = controlCharacterPath(value[i], `${path}.${i}`);
      if (found) return found;
    }
    return undefined;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      const found = controlCharacterPath(child, path ? `${path}.${key}` : key);
      if (found) return found;
    }
  }
  return undefined;
}

/** Throws BAD_USER_INPUT naming the first argument or input field that holds a control character. */
export function assertNoControlCharacters(args: Record<string, unknown>): void {
  const field = controlCharacterPath(args, '');
  if (field) throw badInput(field, `${field} must not contain control characters`);
}

/**
 * Every field that takes arguments refuses, before its resolver runs, a string argument or input field (at any
 * depth, variables and defaults included: these are the coerced values) that holds a control character.
 * Applied by the kit to every subgraph schema, so no subgraph has to remember it.
 */
export function refuseControlCharacters(schema: GraphQLSchema): GraphQLSchema {
  return mapSchema(schema, {
    [MapperKind.OBJECT_FIELD]: (field): GraphQLFieldConfig<unknown, unknown> => {
      if (!field.args || Object.keys(field.args).length === 0) return field;
      const resolve = field.resolve ?? defaultFieldResolver;
      const subscribe = field.subscribe;
      return {
        ...field,
        resolve: (source, args, ctx, info) => {
          assertNoControlCharacters(args as Record<string, unknown>);
          return resolve(source, args, ctx, info);
        },
        ...(subscribe && {
          subscribe: (source, args, ctx, info) => {
            assertNoControlCharacters(args as Record<string, unknown>);
            return subscribe(source, args, ctx, info);
          },
        }),
      };
    },
  });
}
