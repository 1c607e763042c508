import {
  getNamedType,
  isObjectType,
  Kind,
  OperationTypeNode,
  parse,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';
import { CLAIM_SCOPED_DIRECTIVE, CLAIM_SCOPED_SPEC } from '@platform/kit';

/** Fetch verdicts kept per supergraph: fetch documents come from a finite set of plans; the bound guards surprises. */
const MAX_VERDICTS = 1000;

/**
 * Which entity fetches of one supergraph are claim-scoped: every field they select is declared `@claimScoped` by the
 * very subgraph the fetch goes to (kit claim-scoped.ts). Anything else — an undeclared field, a field only another
 * subgraph vouches for, a document this cannot read — is not, and stays per caller.
 */
export class ClaimScopedFetches {
  private readonly declared: Set<string>;
  private readonly verdicts = new Map<string, boolean>();

  constructor(
    supergraphSdl: string,
    private readonly schema: GraphQLSchema,
  ) {
    this.declared = declaredFields(parse(supergraphSdl));
  }

  /** Whether `query`, an `_entities` fetch sent to `subgraph`, selects claim-scoped fields only. */
  isClaimScoped(subgraph: string, query: string): boolean {
    if (!this.declared.size) return false;
    const key = `${subgraph}\n${query}`;
    let verdict = this.verdicts.get(key);
    if (verdict === undefined) {
      verdict = this.judge(subgraph, query);
      if (this.verdicts.size >= MAX_VERDICTS) this.verdicts.clear();
      this.verdicts.set(key, verdict);
    }
    return verdict;
  }

  private judge(subgraph: string, query: string): boolean {
    let document: DocumentNode;
    try {
      document = parse(query);
    } catch {
      return false;
    }
    const operations = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
    if (operations.length !== 1 || operations[0].operation !== OperationTypeNode.QUERY) return false;
    const fragments = new Map(
      document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
    );
    const roots = operations[0].selectionSet.selections;
    const [root] = roots;
    if (roots.length !== 1 || root.kind !== Kind.FIELD || root.name.value !== '_entities' || !root.selectionSet) return false;
    // `_entities` answers a union of entities: each member's fields sit under a type condition.
    return this.allDeclared(subgraph, undefined, root.selectionSet, fragments, new Set());
  }

  private allDeclared(
    subgraph: string,
    parent: string | undefined,
    selectionSet: SelectionSetNode,
    fragments: Map<string, FragmentDefinitionNode>,
    visiting: Set<string>,
  ): boolean {
    return selectionSet.selections.every((selection) => {
      switch (selection.kind) {
        case Kind.INLINE_FRAGMENT: {
          const type = selection.typeCondition?.name.value ?? parent;
          return this.allDeclared(subgraph, type, selection.selectionSet, fragments, visiting);
        }
        case Kind.FRAGMENT_SPREAD: {
          const name = selection.name.value;
          const fragment = fragments.get(name);
          if (!fragment || visiting.has(name)) return false;
          const inner = new Set(visiting).add(name);
          return this.allDeclared(subgraph, fragment.typeCondition.name.value, fragment.selectionSet, fragments, inner);
        }
        case Kind.FIELD: {
          const field = selection.name.value;
          if (field === '__typename') return true;
          if (!parent || !this.declared.has(declaredKey(subgraph, parent, field))) return false;
          if (!selection.selectionSet) return true;
          const type = this.schema.getType(parent);
          const child = isObjectType(type) ? type.getFields()[field] : undefined;
          const named = child && getNamedType(child.type);
          // Only object types are followed: below an interface or union the concrete type decides the fields.
          if (!named || !isObjectType(named)) return false;
          return this.allDeclared(subgraph, named.name, selection.selectionSet, fragments, visiting);
        }
      }
    });
  }
}

const declaredKey = (subgraph: string, type: string, field: string) => `${subgraph}\n${type}.${field}`;

/** `subgraph\nType.field` for every `@claimScoped(subgraph:)` application in the supergraph. */
function declaredFields(supergraph: DocumentNode): Set<string> {
  const name = directiveName(supergraph);
  const declared = new Set<string>();
  if (!name) return declared;
  for (const definition of supergraph.definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION && definition.kind !== Kind.OBJECT_TYPE_EXTENSION) continue;
    for (const field of definition.fields ?? []) {
      for (const directive of field.directives ?? []) {
        if (directive.name.value !== name) continue;
        const argument = directive.arguments?.find((a) => a.name.value === 'subgraph')?.value;
        if (argument?.kind === Kind.STRING) declared.add(declaredKey(argument.value, definition.name.value, field.name.value));
      }
    }
  }
  return declared;
}

/** The directive's name in this supergraph, as its `@link` imports it (possibly renamed); none when not linked. */
function directiveName(supergraph: DocumentNode): string | undefined {
  for (const definition of supergraph.definitions) {
    if (definition.kind !== Kind.SCHEMA_DEFINITION && definition.kind !== Kind.SCHEMA_EXTENSION) continue;
    for (const link of definition.directives ?? []) {
      const url = link.arguments?.find((a) => a.name.value === 'url')?.value;
      if (link.name.value !== 'link' || url?.kind !== Kind.STRING || url.value !== CLAIM_SCOPED_SPEC) continue;
      const imports = link.arguments?.find((a) => a.name.value === 'import')?.value;
      if (imports?.kind !== Kind.LIST) return undefined;
      for (const entry of imports.values) {
        if (entry.kind === Kind.STRING && entry.value === `@${CLAIM_SCOPED_DIRECTIVE}`) return CLAIM_SCOPED_DIRECTIVE;
        if (entry.kind !== Kind.OBJECT) continue;
        const field = (n: string) => entry.fields.find((f) => f.name.value === n)?.value;
        const importedName = field('name');
        const alias = field('as');
        if (importedName?.kind === Kind.STRING && importedName.value === `@${CLAIM_SCOPED_DIRECTIVE}`) {
          return (alias?.kind === Kind.STRING ? alias.value : importedName.value).replace(/^@/, '');
        }
      }
    }
  }
  return undefined;
}
