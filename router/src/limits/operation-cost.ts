import {
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
} from 'graphql';

/** Arguments that bound the length of a list, whatever a subgraph calls them. */
const SIZE_ARGUMENTS = new Set(['first', 'last', 'limit', 'pageSize', 'page_size', 'size', 'take', 'perPage']);

/** What a list without a size argument is assumed to hold. */
export const DEFAULT_LIST_SIZE = 10;

/**
 * Estimated number of fields an operation resolves: every field counts 1, and a list field multiplies its
 * subtree by its length. The length is the nearest size argument (`pageSize: 50` on `users` applies to the
 * `items` list of the page it returns), else {@link DEFAULT_LIST_SIZE}. Introspection is free. Fragments are
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
        if (selection.name.value.startsWith('__')) continue;
        const field = fieldOf(parent, selection.name.value);
        const size = sizeArgument(selection, variables) ?? inheritedSize;
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
  return isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[name] : undefined;
}

function sizeArgument(field: FieldNode, variables: Record<string, unknown>): number | undefined {
  for (const argument of field.arguments ?? []) {
    if (!SIZE_ARGUMENTS.has(argument.name.value)) continue;
    const { value } = argument;
    const raw =
      value.kind === Kind.INT
        ? Number(value.value)
        : value.kind === Kind.VARIABLE
          ? variables[value.name.value]
          : undefined;
    if (typeof raw === 'number' && Number.isFinite(raw)) return Math.max(0, Math.floor(raw));
  }
  return undefined;
}
