import { businessRule } from '@platform/kit';
import type { Position } from '../entities';
import type { LoaderScope } from '../identity.context';
import { positionById } from '../loaders/position-by-id.loader';

/** Guards against a corrupt tree (a cycle written before this check existed) looping forever. */
const MAX_DEPTH = 64;

/** The position and its ancestors, nearest first, loaded level by level through the loader (batched per level). */
export async function ancestry(s: LoaderScope, position: Position): Promise<Position[]> {
  const chain = [position];
  let current = position;
  while (current.parentId !== null && chain.length < MAX_DEPTH) {
    const parent = await positionById(s).load(current.parentId);
    if (!parent || chain.includes(parent)) break;
    chain.push(parent);
    current = parent;
  }
  return chain;
}

/** Moving `position` under `newParent` must not make it its own ancestor. */
export async function assertNoCycle(s: LoaderScope, position: Position, newParent: Position | null): Promise<void> {
  if (!newParent) return;
  const above = await ancestry(s, newParent);
  if (above.some((p) => p.id === position.id)) {
    throw businessRule('A position cannot move under itself or one of its descendants', { reason: 'POSITION_CYCLE' });
  }
}
