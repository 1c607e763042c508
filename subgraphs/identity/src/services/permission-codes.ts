import type { DataScope } from '@platform/kit';
import { DATA_SCOPES } from '@platform/kit';

/** 004's routes say `employees:X` where identity says `users:X`: both spellings are granted together. */
const ALIASES: Record<string, string> = { employees: 'users', users: 'employees' };

export const CODE_PATTERN = /^(\*|[a-z][a-z0-9_-]*:([a-z][a-z0-9_-]*|\*))$/;
export const ACTION_PATTERN = /^[a-z][a-z0-9_-]*$/;

export const grantCodes = (menuCode: string, actions: readonly string[]): string[] =>
  actions.map((action) => `${menuCode}:${action}`);

/** The codes a caller holds: the union of their roles' codes with aliases added, sorted for stable tokens. */
export function effectiveCodes(codes: Iterable<string>): string[] {
  const out = new Set<string>();
  for (const code of codes) {
    out.add(code);
    const [resource, action] = code.split(':');
    const alias = resource ? ALIASES[resource] : undefined;
    if (alias && action) out.add(`${alias}:${action}`);
  }
  return out.has('*') ? ['*'] : [...out].sort();
}

/** The widest of the roles' scopes; `platform` only for platform accounts (no tenant). */
export function widestScope(scopes: DataScope[], platformAccount: boolean): DataScope {
  const rank = (s: DataScope) => DATA_SCOPES.indexOf(s);
  const widest = scopes.reduce<DataScope>((a, b) => (rank(b) < rank(a) ? b : a), 'own');
  if (widest === 'platform' && !platformAccount) return 'tenant';
  return widest;
}
