import {
  getArgumentValues,
  getNamedType,
  getNullableType,
  getOperationAST,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type SelectionSetNode,
  SchemaMetaFieldDef,
  TypeMetaFieldDef,
  TypeNameMetaFieldDef,
} from 'graphql';

/** Arguments that bound the length of a list, whatever a subgraph calls them. */
const SIZE_ARGUMENTS = new Set(['first', 'last', 'limit', 'pageSize', 'page_size', 'size', 'take', 'perPage']);

/** What a list without a size argument is assumed to hold. */
export const DEFAULT_LIST_SIZE = 10;

/**
 * Estimated number of fields an operation resolves: every field counts 1, and a list field multiplies its
 * subtree by its length. The length is the nearest size argument (`pageSize: 50` on `users` applies to the
 * `items` list of the page it returns), else {@link DEFAULT_LIST_SIZE}. `variables` are the coerced values
 * (defaults applied, see operation-limits.ts): a size hidden in a variable's default is still a size. Introspection
 * and `__typename` count like any field: 5,000 aliased `__typename`s are 5,000 fields to answer. Fragments are
 * costed once per (fragment, inherited size), so a hostile document cannot make the estimate itself slow.
 */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown> = {},
): number {
  const operation = getOperationAST(document, operationName);
  if (!operation) return 0;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const memo = new Map<string, number>();

  const walk = (
    set: SelectionSetNode,
    parent: GraphQLNamedType | undefined,
    inheritedSize: number | undefined,
    path: ReadonlySet<string>,
  ): number => {
    let total = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        const field = fieldOf(parent, selection.name.value);
        const size = sizeArgument(field, selection, variables) ?? inheritedSize;
        const isList = !!field && isListType(getNullableType(field.type));
        const children = selection.selectionSet
          ? walk(selection.selectionSet, field && getNamedType(field.type), isList ? undefined : size, path)
          : 0;
        total += (isList ? (size ?? DEFAULT_LIST_SIZE) : 1) * (1 + children);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        total += walk(selection.selectionSet, type ?? undefined, inheritedSize, path);
      } else {
        const name = selection.name.value;
        const fragment = fragments.get(name);
        if (!fragment || path.has(name)) continue;
        const key = `${name}|${inheritedSize ?? ''}`;
        if (!memo.has(key)) {
          const type = schema.getType(fragment.typeCondition.name.value) ?? undefined;
          memo.set(key, walk(fragment.selectionSet, type, inheritedSize, new Set([...path, name])));
        }
        total += memo.get(key)!;
      }
    }
    return total;
  };

  return walk(operation.selectionSet, schema.getRootType(operation.operation) ?? undefined, undefined, new Set());
}

function fieldOf(parent: GraphQLNamedType | undefined, name: string): GraphQLField<unknown, unknown> | undefined {
  if (name === '__typename') return TypeNameMetaFieldDef;
  if (name === '__schema') return SchemaMetaFieldDef;
  if (name === '__type') return TypeMetaFieldDef;
  return isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[name] : undefined;
}

/** The field's size argument as execution will see it: literal, variable or the argument's own default. */
function sizeArgument(
  field: GraphQLField<unknown, unknown> | undefined,
  node: FieldNode,
  variables: Record<string, unknown>,
): number | undefined {
  if (!field) return undefined;
  let values: Record<string, unknown>;
  try {
    values = getArgumentValues(field, node, variables);
  } catch {
    return undefined; // invalid arguments: validation reports them, and nothing runs
  }
  for (const [name, raw] of Object.entries(values)) {
    if (SIZE_ARGUMENTS.has(name) && typeof raw === 'number' && Number.isFinite(raw)) return Math.max(0, Math.floor(raw));
  }
  return undefined;
}
