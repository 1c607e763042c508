import {
  GraphQLObjectType,
  isObjectType,
  type GraphQLSchema,
} from 'graphql';
import { allow, deny, rule, shield, type IRule, type IRules } from 'graphql-shield';
import { applyMiddleware } from 'graphql-middleware';
import { hasPermission as callerHas, isPlatformAdmin, type Caller } from './auth';
import { forbidden, unauthenticated } from './errors';

export { allow, deny, and, or, not, chain, race } from 'graphql-shield';
export type { IRules, IRule };

interface WithCaller {
  caller: Caller | null;
}

/** Signed in, any role. Anonymous callers get UNAUTHENTICATED rather than FORBIDDEN. */
export const isAuthenticated: IRule = rule({ cache: 'contextual' })((_p, _a, ctx: WithCaller) =>
  ctx.caller ? true : unauthenticated(),
);

// graphql-shield refuses two different rules with one name in a schema: one rule per code, made once.
const permissionRules = new Map<string, IRule>();

/** Holds the permission code `resource:action` (or is the platform super admin). Same code, same rule. */
export function can(code: string): IRule {
  let made = permissionRules.get(code);
  if (!made) {
    made = rule(`can:${code}`, { cache: 'contextual' })((_p, _a, ctx: WithCaller) => {
      if (!ctx.caller) return unauthenticated();
      return callerHas(ctx.caller, code) || isPlatformAdmin(ctx.caller) ? true : forbidden(`Requires permission ${code}`);
    });
    permissionRules.set(code, made);
  }
  return made;
}

const throughRules = new Map<string, IRule>();

/**
 * Only on a token `subgraph` minted to act for its caller (Caller.actingThrough): for an operation whose rules the
 * owning subgraph cannot check alone (identity does not know collections' agencies, so a collector's account is
 * managed only through collections, which checks the caller's scope first). Anyone else is refused.
 */
export function through(subgraph: string): IRule {
  let made = throughRules.get(subgraph);
  if (!made) {
    made = rule(`through:${subgraph}`, { cache: 'contextual' })((_p, _a, ctx: WithCaller) => {
      if (!ctx.caller) return unauthenticated();
      return ctx.caller.actingThrough === subgraph ? true : forbidden(`Only through ${subgraph}`, { reason: 'NOT_THROUGH_OWNER' });
    });
    throughRules.set(subgraph, made);
  }
  return made;
}

/** The platform super admin only. */
export const isSuperAdmin: IRule = rule({ cache: 'contextual' })((_p, _a, ctx: WithCaller) => {
  if (!ctx.caller) return unauthenticated();
  return isPlatformAdmin(ctx.caller) ? true : forbidden('Requires the platform administrator');
});

/** Signed in as a member of a tenant, any role: for domains whose rows always belong to one (leads, work logs). */
export const isTenantMember: IRule = rule({ cache: 'contextual' })((_p, _a, ctx: WithCaller) => {
  if (!ctx.caller) return unauthenticated();
  return ctx.caller.tenantId !== null ? true : forbidden('Requires a tenant account');
});

const FEDERATION_QUERY_FIELDS = ['_service', '_entities'];

/**
 * Fields the federation machinery itself needs; the type rules still guard every entity fetched. Only those the
 * schema has: a subgraph without entities has no `_entities`, and graphql-shield refuses a rule for a missing field.
 */
function federationRules(schema: GraphQLSchema): IRules {
  const query = schema.getQueryType();
  const fields = query?.getFields() ?? {};
  const rules: Record<string, IRules> = {};
  const present = FEDERATION_QUERY_FIELDS.filter((field) => field in fields);
  if (query && present.length) rules[query.name] = Object.fromEntries(present.map((field) => [field, allow]));
  if (schema.getType('_Service')) rules._Service = allow;
  return rules as IRules;
}

/** Rules for a subgraph: deny by default, federation plumbing allowed, our coded errors passed through. */
export function applyShield(schema: GraphQLSchema, rules: IRules): GraphQLSchema {
  assertShieldCoverage(schema, rules);
  const merged = mergeRules(federationRules(schema), rules);
  const shielded = applyMiddleware(schema, shield(merged, SHIELD_OPTIONS));
  guardSubscribe(shielded, merged);
  return shielded;
}

const SHIELD_OPTIONS = {
  debug: false,
  fallbackRule: deny,
  allowExternalErrors: true,
  fallbackError: () => forbidden(),
  hashFunction: ({ parent, args }: { parent: unknown; args: unknown }) => JSON.stringify({ parent, args }),
};

/**
 * graphql-middleware wraps a subscription field's per-event `resolve`, not its `subscribe`: without this a
 * denied caller could still open the stream (every event then failing). The field's rule now runs first.
 */
function guardSubscribe(schema: GraphQLSchema, rules: IRules): void {
  const type = schema.getSubscriptionType();
  if (!type) return;
  const typeRule = (rules as Record<string, unknown>)[type.name];
  for (const field of Object.values(type.getFields())) {
    const subscribe = field.subscribe;
    if (!subscribe) continue;
    const fieldRule = (isFieldMap(typeRule) ? typeRule[field.name] : typeRule) as IRule | undefined;
    const guard = fieldRule ?? deny;
    field.subscribe = async (root, args, ctx: { _shield?: { cache: object } }, info) => {
      ctx._shield ??= { cache: {} };
      const result = await guard.resolve(root as object, args as Record<string, unknown>, ctx as never, info, SHIELD_OPTIONS);
      if (result === true) return subscribe(root, args, ctx, info);
      throw result instanceof Error ? result : forbidden();
    };
  }
}

function mergeRules(a: IRules, b: IRules): IRules {
  const out: Record<string, unknown> = { ...(a as Record<string, unknown>) };
  for (const [type, value] of Object.entries(b as Record<string, unknown>)) {
    const prev = out[type];
    out[type] = isFieldMap(prev) && isFieldMap(value) ? { ...prev, ...value } : value;
  }
  return out as IRules;
}

const isFieldMap = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && v.constructor === Object;

/**
 * Every field of every object type must name its rule (or its type must have one), so a new field
 * cannot ship without a decision about who may read it. Throws at schema build, listing the gaps.
 */
export function assertShieldCoverage(schema: GraphQLSchema, rules: IRules): void {
  const missing = uncoveredFields(schema, rules);
  if (missing.length) {
    throw new Error(`graphql-shield: no rule for ${missing.join(', ')}`);
  }
}

export function uncoveredFields(schema: GraphQLSchema, rules: IRules): string[] {
  const table = mergeRules(federationRules(schema), rules) as Record<string, unknown>;
  const missing: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    const typeRule = table[type.name];
    if (typeRule && !isFieldMap(typeRule)) continue;
    for (const field of Object.keys((type as GraphQLObjectType).getFields())) {
      if (!isFieldMap(typeRule) || !(field in typeRule)) missing.push(`${type.name}.${field}`);
    }
  }
  return missing;
}
