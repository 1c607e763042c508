import { isPlatformAdmin, type Caller } from '@platform/kit';
import { FileCategory, type StoredFile } from '../entities/stored-file.entity';

/**
 * Who may read a file beyond its owner and its tenant's admins: the owning domain's word, per category. A rule
 * only widens access (it is asked after the built-in checks said no) and never crosses tenants: the tenant filter
 * has already hidden other tenants' files before any rule runs.
 */
export type FileReadRule = (caller: Caller, file: StoredFile) => boolean;

const rules = new Map<FileCategory, FileReadRule>([
  // Avatars are shown beside names across the tenant (employee lists, comments): any signed-in colleague reads them.
  [FileCategory.avatar, (caller, file) => caller.tenantId !== null && Number(caller.tenantId) === file.tenantId],
]);

/** A domain widens who reads its category (e.g. a case's documents for the case's collectors), once at start. */
export function registerFileReadRule(category: FileCategory, rule: FileReadRule): void {
  rules.set(category, rule);
}

/** The caller's data scope covers the whole tenant (TenantAdmin, admin) or every tenant (super admin). */
export const isTenantAdmin = (caller: Caller): boolean => isPlatformAdmin(caller) || caller.scope === 'tenant';

/** The read rule: owner, the tenant's admins, else the category's rule. */
export function mayRead(caller: Caller, file: StoredFile): boolean {
  if (file.ownerId === caller.userId || isTenantAdmin(caller)) return true;
  return rules.get(file.category)?.(caller, file) ?? false;
}
