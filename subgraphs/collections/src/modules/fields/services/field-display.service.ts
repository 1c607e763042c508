import type { EntityManager } from '@mikro-orm/core';
import { badInput } from '@platform/kit';
import { FieldDisplay } from '../entities/field-display.entity';
import { StandardField } from '../entities/standard-field.entity';
import { FIELD_SOURCES, SCENE_TYPES, type SceneType } from './scenes';

/** One field of a display configuration as given (GraphQL input). */
export interface FieldDisplaySpec {
  fieldKey: string;
  fieldName: string;
  fieldDataType?: string;
  fieldSource?: string;
  sortOrder?: number;
  displayWidth?: number | null;
  colorType?: string;
  isSearchable?: boolean;
  isFilterable?: boolean;
  isRangeSearchable?: boolean;
}

/** A key of a case's `custom_fields`: what the tenant's pushes and imports may carry. */
const CUSTOM_KEY = /^[A-Za-z][A-Za-z0-9_]{0,99}$/;

export function assertScene(sceneType: string, field = 'sceneType'): asserts sceneType is SceneType {
  if (!(SCENE_TYPES as readonly string[]).includes(sceneType)) throw badInput(field, `${field} must be one of ${SCENE_TYPES.join(', ')}`);
}

/**
 * Every key must be a standard field (field_source standard) or a custom_fields key (field_source custom, which may
 * not shadow a standard field); no key twice. BAD_USER_INPUT naming `fields.<i>.fieldKey` otherwise.
 */
export async function assertFieldKeys(em: EntityManager, fields: ReadonlyArray<{ fieldKey: string; fieldSource?: string }>, path = 'fields'): Promise<void> {
  const standard = new Set((await em.find(StandardField, { fieldKey: { $in: fields.map((f) => f.fieldKey) } })).map((f) => f.fieldKey));
  const seen = new Set<string>();
  fields.forEach((f, i) => {
    const source = f.fieldSource ?? 'standard';
    const at = `${path}.${i}`;
    if (!(FIELD_SOURCES as readonly string[]).includes(source)) throw badInput(`${at}.fieldSource`, `${at}.fieldSource must be standard or custom`);
    if (seen.has(f.fieldKey)) throw badInput(`${at}.fieldKey`, `${at}.fieldKey ${f.fieldKey} is listed twice`);
    seen.add(f.fieldKey);
    if (source === 'standard' && !standard.has(f.fieldKey)) throw badInput(`${at}.fieldKey`, `${at}.fieldKey ${f.fieldKey} is not a standard field`);
    if (source === 'custom' && (standard.has(f.fieldKey) || !CUSTOM_KEY.test(f.fieldKey))) {
      throw badInput(`${at}.fieldKey`, `${at}.fieldKey ${f.fieldKey} must be a custom_fields key (letters, digits, _) that is not a standard field`);
    }
  });
}

/** The tenant's display of one scene, in order. */
export function fieldDisplayOf(em: EntityManager, tenantId: number, sceneType: string): Promise<FieldDisplay[]> {
  return em.find(FieldDisplay, { tenantId, sceneType }, { orderBy: { sortOrder: 'asc', id: 'asc' } });
}

/** Replaces the tenant's display of one scene with `fields` (one delete, one batched insert, in the caller's transaction). */
export async function replaceFieldDisplay(em: EntityManager, tenantId: number, sceneType: string, fields: FieldDisplaySpec[]): Promise<FieldDisplay[]> {
  assertScene(sceneType);
  await assertFieldKeys(em, fields);
  await em.nativeDelete(FieldDisplay, { tenantId, sceneType });
  const rows = fields.map((f, i) =>
    em.create(FieldDisplay, {
      tenantId,
      sceneType,
      fieldKey: f.fieldKey,
      fieldName: f.fieldName,
      fieldDataType: f.fieldDataType ?? 'String',
      fieldSource: f.fieldSource ?? 'standard',
      sortOrder: f.sortOrder ?? i + 1,
      displayWidth: f.displayWidth ?? null,
      colorType: f.colorType ?? 'normal',
      isSearchable: f.isSearchable ?? false,
      isFilterable: f.isFilterable ?? false,
      isRangeSearchable: f.isRangeSearchable ?? false,
    }),
  );
  await em.flush();
  return rows.sort((a, b) => a.sortOrder - b.sortOrder || a.id - b.id);
}

/** A queue's field configuration row, as § 7.3 shows it. */
export interface FieldConfigRow {
  fieldKey: string;
  isVisible: boolean;
  isRequired: boolean;
  sortOrder: number;
}

/**
 * What a queue with no field configuration of its own shows: the tenant's `admin_case_list` display if it has one,
 * else the active standard fields in their order (required as the standard field is).
 */
export async function defaultFieldConfig(em: EntityManager, tenantId: number): Promise<{ source: 'tenant_display' | 'standard'; fields: FieldConfigRow[] }> {
  const display = await fieldDisplayOf(em, tenantId, 'admin_case_list');
  if (display.length) {
    const required = new Set((await em.find(StandardField, { fieldKey: { $in: display.map((d) => d.fieldKey) }, isRequired: true })).map((f) => f.fieldKey));
    return {
      source: 'tenant_display',
      fields: display.map((d, i) => ({ fieldKey: d.fieldKey, isVisible: true, isRequired: required.has(d.fieldKey), sortOrder: i + 1 })),
    };
  }
  const standard = await em.find(StandardField, { isActive: true }, { orderBy: { sortOrder: 'asc', id: 'asc' } });
  return {
    source: 'standard',
    fields: standard.map((f, i) => ({ fieldKey: f.fieldKey, isVisible: true, isRequired: f.isRequired, sortOrder: i + 1 })),
  };
}
