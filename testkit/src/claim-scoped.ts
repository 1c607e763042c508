import { randomUUID } from 'node:crypto';
import { getNamedType, graphql, isCompositeType, isObjectType, type GraphQLSchema } from 'graphql';
import type { Caller, ClaimScopedFields } from '@platform/kit';

type Lazy<T> = T | (() => T);
const resolve = <T>(value: Lazy<T>): T => (typeof value === 'function' ? (value as () => T)() : value);

/**
 * What proves a subgraph's claim-scoped declaration (kit claim-scoped.ts): the declared fields' `_entities` answers,
 * asked for the same entities by two different users holding the same claims (tenant, roles, permissions, scope),
 * must be equal — else the router would hand one user's answer to the other.
 */
export interface ClaimScopedCheck {
  /** The subgraph's declaration (its definition's `claimScoped`). */
  declared: ClaimScopedFields;
  /**
   * Representations to fetch per declared type: include the role's own account and others (its colleagues,
   * another tenant's), so an answer that depends on "is this me" or on the user's reach shows.
   */
  representations: Record<string, Lazy<Record<string, unknown>[]>>;
  /**
   * The same claims as `caller`, another user: a different account (user id, username) and session. Default: the
   * caller with its user id and username suffixed — enough where no field reads the user's own row by its id.
   */
  twin?: (caller: Caller) => Caller;
}

export interface ClaimScopedOutcome {
  /** The caller's answer and its twin's, as a client would read them (data and error codes). */
  asCaller: unknown;
  asTwin: unknown;
  /** Entities the caller's answer found (not null): an answer of nothing but nulls proves nothing. */
  found: number;
}

/**
 * Runs one role's check for one declared type in-process: the same `_entities` query as `caller` and as its twin.
 * `context` builds the request context as the service does (e.g. from a signed token), like the RBAC matrix's.
 */
export async function runClaimScopedCheck(
  schema: GraphQLSchema,
  check: ClaimScopedCheck,
  type: string,
  caller: Caller,
  context: (caller: Caller | null) => unknown,
): Promise<ClaimScopedOutcome> {
  const query = `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on ${type} ${selectionOf(schema, check.declared, type)} } }`;
  const representations = resolve(check.representations[type]).map((r) => ({ __typename: type, ...r }));
  const twin = (check.twin ?? defaultTwin)(caller);
  const run = async (as: Caller) => {
    const result = await graphql({
      schema,
      source: query,
      variableValues: { representations },
      contextValue: await context({ ...as, sessionId: randomUUID() }),
    });
    return { data: result.data ?? null, codes: (result.errors ?? []).map((e) => e.extensions?.code ?? e.message) };
  };
  const asCaller = await run(caller);
  const asTwin = await run(twin);
  const entities = (asCaller.data as { _entities?: unknown[] } | null)?._entities ?? [];
  return { asCaller, asTwin, found: entities.filter((e) => e !== null).length };
}

const defaultTwin = (caller: Caller): Caller => ({ ...caller, userId: `${caller.userId}0`, username: `${caller.username}-twin` });

/** `{ f g { h } }`: the declared fields of `type`; a composite field takes its own type's declared fields. */
function selectionOf(schema: GraphQLSchema, declared: ClaimScopedFields, type: string, seen = new Set<string>()): string {
  const objectType = schema.getType(type);
  if (!isObjectType(objectType)) throw new Error(`claim-scoped type ${type} is not an object type of the schema`);
  const fields = (declared[type] ?? []).map((name) => {
    const field = objectType.getFields()[name];
    if (!field) throw new Error(`claim-scoped field ${type}.${name} is not in the schema`);
    const named = getNamedType(field.type);
    if (!isCompositeType(named)) return name;
    // A relation: only its own declared fields (or just its type, when none or already on the path).
    const inner = seen.has(named.name) || !declared[named.name] ? '{ __typename }' : selectionOf(schema, declared, named.name, new Set(seen).add(type));
    return `${name} ${inner}`;
  });
  return `{ ${fields.join(' ')} }`;
}
