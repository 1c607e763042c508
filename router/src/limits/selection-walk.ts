import { Kind, type FieldNode, type FragmentDefinitionNode, type SelectionSetNode } from 'graphql';

export type FragmentLookup = (name: string) => FragmentDefinitionNode | undefined | null;

export interface SelectionFold {
  /** The value of one field, given the value of its own selection set (0 for a leaf). */
  field(node: FieldNode, children: (set: SelectionSetNode) => number): number;
  /** How sibling values combine: `Math.max` for depth, addition for counts. */
  combine(a: number, b: number): number;
}

/**
 * Folds a selection set, fragments included as many times as they are spread (that is what the server
 * resolves), yet in time linear in the document: each fragment's value is computed once. A spread already
 * on the current path is skipped; NoFragmentCyclesRule reports the cycle, this only keeps the walk finite.
 */
export function foldSelections(set: SelectionSetNode, fragment: FragmentLookup, fold: SelectionFold): number {
  const memo = new Map<string, number>();
  const walk = (current: SelectionSetNode, path: ReadonlySet<string>): number => {
    let total = 0;
    for (const selection of current.selections) {
      let value: number;
      if (selection.kind === Kind.FIELD) {
        // Introspection and `__typename` count too: thousands of aliased `__typename`s are work all the same.
        value = fold.field(selection, (children) => walk(children, path));
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        value = walk(selection.selectionSet, path);
      } else {
        const name = selection.name.value;
        const definition = fragment(name);
        if (!definition || path.has(name)) continue;
        if (!memo.has(name)) memo.set(name, walk(definition.selectionSet, new Set([...path, name])));
        value = memo.get(name)!;
      }
      total = fold.combine(total, value);
    }
    return total;
  };
  return walk(set, new Set());
}
