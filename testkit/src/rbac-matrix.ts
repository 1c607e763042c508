/// <reference types="jest" />
import { randomUUID } from 'node:crypto';
import { graphql, type GraphQLSchema } from 'graphql';
import { uncoveredFields, type Caller, type IRules } from '@platform/kit';
import { runClaimScopedCheck, type ClaimScopedCheck } from './claim-scoped';

type Lazy<T> = T | (() => T);
type Variables = Record<string, unknown>;

export interface RbacCase {
  query: string;
  /**
   * A function when the variables name rows made in `beforeAll` or must be fresh per row (a unique username,
   * a refresh token that has not been used yet); it is called once per row and may be async.
   */
  variables?: Variables | (() => Variables | Promise<Variables>);
  /** Role names that pass the rules; every other role (anonymous included) must be refused. */
  allow: readonly string[];
}

export interface RbacMatrixOptions {
  schema: Lazy<GraphQLSchema>;
  /** The shield map: when given, the matrix also fails on any field without a rule. */
  rules?: Lazy<IRules>;
  /** Role name → caller (null = anonymous); values may be functions resolved when the rows run. */
  roles: Record<string, Lazy<Caller | null>>;
  /** `'Query.x' | 'Mutation.y' | 'Subscription.z'` → case. */
  cases: Record<string, RbacCase>;
  /** The request context for a caller, as the service builds it (e.g. from a signed token). */
  context: (caller: Caller | null) => unknown;
  title?: string;
  /**
   * The subgraph's claim-scoped declaration, checked for every signed-in role: the declared fields answer alike to
   * two users with the role's claims (claim-scoped.ts).
   */
  claimScoped?: ClaimScopedCheck;
}

export interface RbacRow {
  operation: string;
  role: string;
  allowed: boolean;
}

export interface RbacOutcome {
  row: RbacRow;
  codes: string[];
}

const AUTH_CODES = new Set(['UNAUTHENTICATED', 'FORBIDDEN']);
const FEDERATION_FIELDS = new Set(['_service', '_entities']);
const ROOTS = ['Query', 'Mutation', 'Subscription'] as const;

const resolve = <T>(value: Lazy<T>): T => (typeof value === 'function' ? (value as () => T)() : value);

/** Root operations without a case, and cases naming no operation (stale): both fail the matrix. */
export function rbacGaps(schema: GraphQLSchema, cases: Record<string, RbacCase>): { missing: string[]; stale: string[] } {
  const operations: string[] = [];
  for (const root of ROOTS) {
    const type = root === 'Query' ? schema.getQueryType() : root === 'Mutation' ? schema.getMutationType() : schema.getSubscriptionType();
    for (const field of Object.keys(type?.getFields() ?? {})) {
      if (!FEDERATION_FIELDS.has(field)) operations.push(`${root}.${field}`);
    }
  }
  return {
    missing: operations.filter((op) => !(op in cases)),
    stale: Object.keys(cases).filter((op) => !operations.includes(op)),
  };
}

/** One row per operation × role, in a stable order (jest-friendly: `it.each(rows)`). */
export function rbacRows(opts: Pick<RbacMatrixOptions, 'roles' | 'cases'>): RbacRow[] {
  return Object.entries(opts.cases).flatMap(([operation, c]) =>
    Object.keys(opts.roles).map((role) => ({ operation, role, allowed: c.allow.includes(role) })),
  );
}

/** Runs one row in-process and returns the error codes the caller saw. */
export async function runRbacRow(opts: RbacMatrixOptions, row: RbacRow): Promise<RbacOutcome> {
  const c = opts.cases[row.operation];
  const role = resolve(opts.roles[row.role]);
  // Each row signs in afresh, so a row that ends its session (logout) cannot refuse the rows after it.
  const caller = role && { ...role, sessionId: randomUUID() };
  const variables = typeof c.variables === 'function' ? await c.variables() : (c.variables ?? {});
  const result = await graphql({
    schema: resolve(opts.schema),
    source: c.query,
    variableValues: variables,
    contextValue: await opts.context(caller),
  });
  const codes = (result.errors ?? []).map((e) => codeOf(e.extensions?.code));
  return { row, codes };
}

/**
 * Allowed roles must see no UNAUTHENTICATED/FORBIDDEN (other errors — NOT_FOUND, CONFLICT — are the operation's
 * business); refused roles must see exactly one error: UNAUTHENTICATED when anonymous, FORBIDDEN otherwise.
 */
export function rbacVerdict(outcome: RbacOutcome, anonymous: boolean): string | null {
  const { row, codes } = outcome;
  if (row.allowed) {
    const refused = codes.filter((c) => AUTH_CODES.has(c));
    return refused.length ? `${row.operation} as ${row.role} should be allowed but got ${refused.join(', ')}` : null;
  }
  const expected = anonymous ? 'UNAUTHENTICATED' : 'FORBIDDEN';
  return codes.length === 1 && codes[0] === expected
    ? null
    : `${row.operation} as ${row.role} should be refused with ${expected} but got [${codes.join(', ') || 'no error'}]`;
}

/**
 * Declares the matrix as jest tests: coverage (every root operation has a case, every field a rule) and one test
 * per operation × role. Returns the rows.
 */
export function rbacMatrix(opts: RbacMatrixOptions): RbacRow[] {
  const rows = rbacRows(opts);
  describe(opts.title ?? 'RBAC matrix', () => {
    it('has a case for every root operation and no stale case', () => {
      expect(rbacGaps(resolve(opts.schema), opts.cases)).toEqual({ missing: [], stale: [] });
    });
    if (opts.rules) {
      it('names a rule for every field', () => {
        expect(uncoveredFields(resolve(opts.schema), resolve(opts.rules!))).toEqual([]);
      });
    }
    it.each(rows.map((r) => [r.operation, r.role, r.allowed ? 'allowed' : 'refused', r] as const))(
      '%s as %s is %s',
      async (_op, _role, _verdict, row) => {
        const outcome = await runRbacRow(opts, row);
        expect(rbacVerdict(outcome, resolve(opts.roles[row.role]) === null)).toBeNull();
      },
    );
    if (opts.claimScoped) claimScopedRows(opts, opts.claimScoped);
  });
  return rows;
}

/** One test per signed-in role × declared type: its answer and its twin's are equal, and found something. */
function claimScopedRows(opts: RbacMatrixOptions, check: ClaimScopedCheck): void {
  // Anonymous fetches are never shared (the router has no claims for them): roles given as null are left out.
  const roles = Object.keys(opts.roles).filter((role) => opts.roles[role] !== null);
  const types = Object.keys(check.declared);
  it.each(roles.flatMap((role) => types.map((type) => [type, role] as const)))(
    'claim-scoped %s fields answer %s and a twin with the same claims alike',
    async (type, role) => {
      const caller = resolve(opts.roles[role]);
      if (!caller) throw new Error(`role ${role} resolved to anonymous: name it null to leave it out`);
      const outcome = await runClaimScopedCheck(resolve(opts.schema), check, type, caller, opts.context);
      expect(outcome.asTwin).toEqual(outcome.asCaller);
      expect(outcome.found).toBeGreaterThan(0);
    },
  );
}

/** An error's code as the matrix names it; a code that is not a string (a broken formatter) shows as its JSON. */
function codeOf(code: unknown): string {
  if (code === undefined || code === null) return 'NO_CODE';
  return typeof code === 'string' ? code : JSON.stringify(code);
}
