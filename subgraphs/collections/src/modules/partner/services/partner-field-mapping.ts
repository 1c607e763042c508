import type { EntityManager } from '@mikro-orm/core';
import { SystemConfig } from '../../config/entities/system-config.entity';

/** One field of the partner's case rows under its own name (partner § 7.1). */
export interface FieldMappingEntry {
  standardFieldKey: string;
  tenantFieldKey: string;
  tenantFieldName: string | null;
  dataType: string | null;
}

/** Stored beside the tenant's settings, one row per tenant. */
const MAPPING_KEY = 'partner.field_mapping';

/** The tenant's field mapping, by standard field (empty when never configured). */
export async function fieldMapping(em: EntityManager, tenantId: number): Promise<FieldMappingEntry[]> {
  const row = await em.findOne(SystemConfig, { tenantId, configKey: MAPPING_KEY });
  return (row?.configValue as FieldMappingEntry[] | undefined) ?? [];
}

/**
 * Merges configured entries into the tenant's mapping: an entry replaces the one of its standard field. Answers the
 * whole mapping now in force, or the first problem: two standard fields read from one partner field.
 */
export async function storeFieldMapping(
  em: EntityManager,
  tenantId: number,
  entries: readonly FieldMappingEntry[],
): Promise<{ mapping: FieldMappingEntry[] } | { clash: { index: number; tenantFieldKey: string } }> {
  const row = await em.findOne(SystemConfig, { tenantId, configKey: MAPPING_KEY });
  const byStandard = new Map(((row?.configValue as FieldMappingEntry[] | undefined) ?? []).map((e) => [e.standardFieldKey, e]));
  for (const entry of entries) byStandard.set(entry.standardFieldKey, entry);
  const mapping = [...byStandard.values()].sort((a, b) => a.standardFieldKey.localeCompare(b.standardFieldKey));
  const seen = new Map<string, string>();
  for (const entry of mapping) {
    const other = seen.get(entry.tenantFieldKey);
    if (other !== undefined && other !== entry.standardFieldKey) {
      const index = Math.max(0, entries.findIndex((e) => e.tenantFieldKey === entry.tenantFieldKey));
      return { clash: { index, tenantFieldKey: entry.tenantFieldKey } };
    }
    seen.set(entry.tenantFieldKey, entry.standardFieldKey);
  }
  if (row) row.configValue = mapping;
  else em.create(SystemConfig, { tenantId, configKey: MAPPING_KEY, configValue: mapping });
  await em.flush();
  return { mapping };
}

/**
 * A pushed case row in the platform's names: each mapped partner field becomes its standard field (a row that also
 * sends the standard name keeps that one); fields nobody mapped pass as they are.
 */
export function mapCaseRow(row: unknown, mapping: readonly FieldMappingEntry[]): unknown {
  if (!mapping.length || typeof row !== 'object' || row === null || Array.isArray(row)) return row;
  const mapped: Record<string, unknown> = { ...(row as Record<string, unknown>) };
  for (const { standardFieldKey, tenantFieldKey } of mapping) {
    if (standardFieldKey === tenantFieldKey || !(tenantFieldKey in mapped)) continue;
    if (!(standardFieldKey in mapped)) mapped[standardFieldKey] = mapped[tenantFieldKey];
    delete mapped[tenantFieldKey];
  }
  return mapped;
}
