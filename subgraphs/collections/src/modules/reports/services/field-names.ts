import type { EntityManager } from '@mikro-orm/core';
import { FieldDisplay } from '../../fields/entities/field-display.entity';
import { StandardField } from '../../fields/entities/standard-field.entity';

/** The scenes whose names head an export, most specific first (CCO admin § 9.4 `scene_type`). */
export const HEADER_SCENES = ['export', 'admin_case_list'] as const;

export interface TenantFields {
  /** The header of each key: the tenant's name for it in the first scene that has one, else the standard name, else the key. */
  names: Map<string, string>;
  /** The keys the tenant configured as its own (`field_source` custom) in those scenes. */
  custom: Set<string>;
}

/**
 * How the tenant calls each of `keys`, in two statements whatever their number. `tenantId` null (a platform
 * administrator without a tenant) reads the standard names only.
 */
export async function tenantFieldNames(em: EntityManager, tenantId: number | null, keys: readonly string[]): Promise<TenantFields> {
  const unique = [...new Set(keys)];
  const [displays, standard] = await Promise.all([
    tenantId === null
      ? Promise.resolve([] as FieldDisplay[])
      : em.find(FieldDisplay, { tenantId, sceneType: { $in: [...HEADER_SCENES] }, fieldKey: { $in: unique } }),
    em.find(StandardField, { fieldKey: { $in: unique } }),
  ]);
  const names = new Map<string, string>();
  const custom = new Set<string>();
  const rank = (scene: string) => HEADER_SCENES.indexOf(scene as (typeof HEADER_SCENES)[number]);
  for (const d of [...displays].sort((a, b) => rank(b.sceneType) - rank(a.sceneType))) {
    names.set(d.fieldKey, d.fieldName); // the most specific scene is written last and wins
    if (d.fieldSource === 'custom') custom.add(d.fieldKey);
  }
  for (const s of standard) if (!names.has(s.fieldKey)) names.set(s.fieldKey, s.fieldName);
  for (const key of unique) if (!names.has(key)) names.set(key, key);
  return { names, custom };
}
