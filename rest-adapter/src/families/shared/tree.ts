/**
 * Nests a flat list by `parentId`, keeping the list's order among siblings. A node whose parent is not in the
 * list (filtered out, or another page) becomes a root, so nothing the graph returned is dropped.
 */
export function buildTree<T extends { id: string; parentId?: string | null }, N>(
  rows: T[],
  toNode: (row: T, children: N[]) => N,
): N[] {
  const ids = new Set(rows.map((r) => r.id));
  const childrenOf = new Map<string, T[]>();
  const roots: T[] = [];
  for (const row of rows) {
    if (row.parentId && ids.has(row.parentId) && row.parentId !== row.id) {
      const list = childrenOf.get(row.parentId) ?? [];
      list.push(row);
      childrenOf.set(row.parentId, list);
    } else {
      roots.push(row);
    }
  }
  const seen = new Set<string>();
  const build = (row: T): N => {
    seen.add(row.id);
    const kids = (childrenOf.get(row.id) ?? []).filter((c) => !seen.has(c.id));
    return toNode(row, kids.map(build));
  };
  return roots.map(build);
}
