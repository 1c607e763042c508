import { Kind, parse, visit, type ConstDirectiveNode, type DocumentNode, type FieldDefinitionNode } from 'graphql';

/**
 * The `@claimScoped` spec: a subgraph marks a field whose answer is a function of the caller's claim set only —
 * tenant, roles, permissions, data scope (and the subgraph a token acts through) — never of the user or session.
 * The router may then answer one subscription event's fetch of such fields once for every subscriber sharing those
 * claims (router README § Subscriptions). Linked and composed (`@composeDirective`), so the supergraph keeps it.
 */
export const CLAIM_SCOPED_SPEC = 'https://platform.internal/claim-scoped/v0.1';
export const CLAIM_SCOPED_DIRECTIVE = 'claimScoped';

/**
 * Type name → its fields declared claim-scoped in this subgraph. Opt-in and per field on purpose: a field added
 * later (one that reads the caller's own user id, say) stays per caller until someone declares it.
 */
export type ClaimScopedFields = Readonly<Record<string, readonly string[]>>;

export interface ClaimScopedDeclaration {
  /** The declaring subgraph's name, recorded in each application: composition merges one field's directives from
   * every subgraph defining it, and only the subgraph that resolves the field may vouch for its answer. */
  subgraph: string;
  fields: ClaimScopedFields;
}

/**
 * `typeDefs` with `@claimScoped(subgraph:)` on every declared field, the spec linked and composed. Throws naming
 * each declared type or field that the schema does not define (a stale declaration must not pass silently).
 */
export function withClaimScoped(typeDefs: DocumentNode, declaration: ClaimScopedDeclaration): DocumentNode {
  const wanted = new Set(Object.entries(declaration.fields).flatMap(([type, fields]) => fields.map((f) => `${type}.${f}`)));
  if (!wanted.size) return typeDefs;
  const found = new Set<string>();
  const applied = visit(typeDefs, {
    ObjectTypeDefinition: { enter: (node) => markFields(node, declaration.subgraph, wanted, found) },
    ObjectTypeExtension: { enter: (node) => markFields(node, declaration.subgraph, wanted, found) },
  });
  const missing = [...wanted].filter((name) => !found.has(name));
  if (missing.length) throw new Error(`claim-scoped fields not in the ${declaration.subgraph} schema: ${missing.join(', ')}`);
  const spec = parse(`
    extend schema
      @link(url: "${CLAIM_SCOPED_SPEC}", import: ["@${CLAIM_SCOPED_DIRECTIVE}"])
      @federation__composeDirective(name: "@${CLAIM_SCOPED_DIRECTIVE}")
    directive @${CLAIM_SCOPED_DIRECTIVE}(subgraph: String!) repeatable on FIELD_DEFINITION
  `);
  return { ...applied, definitions: [...applied.definitions, ...spec.definitions] };
}

function markFields<T extends { name: { value: string }; fields?: readonly FieldDefinitionNode[] }>(
  node: T,
  subgraph: string,
  wanted: Set<string>,
  found: Set<string>,
): T {
  const fields = node.fields?.map((field) => {
    const name = `${node.name.value}.${field.name.value}`;
    if (!wanted.has(name)) return field;
    found.add(name);
    return { ...field, directives: [...(field.directives ?? []), claimScopedDirective(subgraph)] };
  });
  return { ...node, fields };
}

function claimScopedDirective(subgraph: string): ConstDirectiveNode {
  return {
    kind: Kind.DIRECTIVE,
    name: { kind: Kind.NAME, value: CLAIM_SCOPED_DIRECTIVE },
    arguments: [
      {
        kind: Kind.ARGUMENT,
        name: { kind: Kind.NAME, value: 'subgraph' },
        value: { kind: Kind.STRING, value: subgraph },
      },
    ],
  };
}
