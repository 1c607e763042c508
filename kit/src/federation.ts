import { buildSubgraphSchema, printSubgraphSchema } from '@apollo/subgraph';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { validate as classValidate } from 'class-validator';
import { parse, type GraphQLSchema } from 'graphql';
import type { IRules } from 'graphql-shield';
import { buildSchema, createResolversMap, type NonEmptyArray, type PubSub } from 'type-graphql';
import { withClaimScoped, type ClaimScopedDeclaration } from './claim-scoped';
import { DecimalScalar, Decimal } from './decimal';
import { badInput } from './errors';
import { refuseControlCharacters } from './input-guard';
import { runMutationsInTransactions } from './mutation-transaction';
import { applyShield } from './shield';

/** Composition/gateway 2.14 accept federation up to v2.14. */
export const FEDERATION_LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.14", import: ["@key", "@shareable", "@external", "@requires", "@provides", "@inaccessible", "@tag"])';

export type ReferenceResolvers = Record<string, { __resolveReference: (ref: never, ctx: never) => unknown }>;

export interface SubgraphSchemaOptions {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- type-graphql's buildSchema takes resolver classes as `Function`
  resolvers: NonEmptyArray<Function>;
  /** Types not reachable from a resolver that must still be in the schema (e.g. entity stubs). */
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- type-graphql's buildSchema takes orphaned types as `Function`
  orphanedTypes?: Function[];
  references?: ReferenceResolvers;
  pubSub?: PubSub;
  permissions: IRules;
  /** Mutations left out of the one-transaction-per-mutation rule (see SubgraphDefinition.ownTransactions). */
  ownTransactions?: readonly string[];
  /** Fields whose answer depends on the caller's claims only (see claim-scoped.ts); none by default. */
  claimScoped?: ClaimScopedDeclaration;
}

export interface SubgraphSchema {
  /** The executable schema: federation resolvers + shield. */
  schema: GraphQLSchema;
  /** The subgraph SDL, as composition reads it from `_service { sdl }`. */
  sdl: string;
}

/** type-graphql classes → a federated subgraph schema, guarded by graphql-shield (deny by default). */
export async function buildFederatedSchema(opts: SubgraphSchemaOptions): Promise<SubgraphSchema> {
  const typeGraphql = await buildSchema({
    resolvers: opts.resolvers,
    orphanedTypes: opts.orphanedTypes,
    pubSub: opts.pubSub,
    scalarsMap: [{ type: Decimal, scalar: DecimalScalar }],
    validateFn: validateArgs,
    skipCheck: true,
  });
  const resolvers: Record<string, object> = { ...createResolversMap(typeGraphql) };
  // Per type, so an entity's field resolvers survive beside its __resolveReference.
  for (const [type, reference] of Object.entries(opts.references ?? {})) {
    resolvers[type] = { ...resolvers[type], ...reference };
  }
  const declared = parse(`${FEDERATION_LINK}\n${printSchemaWithDirectives(typeGraphql)}`);
  const typeDefs = opts.claimScoped ? withClaimScoped(declared, opts.claimScoped) : declared;
  const subgraph = buildSubgraphSchema([{ typeDefs, resolvers: resolvers as never }]);
  const sdl = printSubgraphSchema(subgraph);
  const guarded = runMutationsInTransactions(refuseControlCharacters(subgraph), opts.ownTransactions);
  return { schema: applyShield(guarded, opts.permissions), sdl };
}

/** class-validator on every input/args object; the first failing property is named in the error. */
async function validateArgs(value: unknown): Promise<void> {
  if (value === null || typeof value !== 'object') return;
  const errors = await classValidate(value, { forbidUnknownValues: false });
  const first = errors[0];
  if (!first) return;
  const leaf = deepest(first);
  const message = Object.values(leaf.error.constraints ?? {})[0] ?? `${leaf.path} is invalid`;
  throw badInput(leaf.path, message);
}

type VError = Awaited<ReturnType<typeof classValidate>>[number];

function deepest(error: VError, prefix = ''): { path: string; error: VError } {
  const path = prefix ? `${prefix}.${error.property}` : error.property;
  const child = error.children?.[0];
  return child && !error.constraints ? deepest(child, path) : { path, error };
}
