import { badInput } from '@platform/kit';
import { callerOf, type CollectionsContext } from '../../../collections.context';
import { canSeePersonalData } from '../../cases/services/personal-data.mask';

/** An export's reach: the caller's admin-console scope (a collector's own scope is refused). */
export { adminScope as exportScope } from '../../org/services/scope';

/** Whether the caller sees personal data unmasked (`cases:view_sensitive`; admins' `*` holds it). */
export const seesPersonalData = (ctx: CollectionsContext): boolean => canSeePersonalData(callerOf(ctx));

/** The largest page an export query serves, and the one it serves unasked. */
export const MAX_EXPORT_PAGE = 2000;
export const DEFAULT_EXPORT_PAGE = 500;

export function pageSize(first: number | null | undefined): number {
  const n = first ?? DEFAULT_EXPORT_PAGE;
  if (!Number.isInteger(n) || n < 1 || n > MAX_EXPORT_PAGE) {
    throw badInput('first', `first must be between 1 and ${MAX_EXPORT_PAGE}`);
  }
  return n;
}
