import type { EntityManager } from '@mikro-orm/core';
import { SystemConfig } from '../entities/system-config.entity';
import { writeConfigRows, writeSettings, type SettingKey } from './settings';

/** The rule types a tenant's core system may configure (partner § 7.2). */
export const BUSINESS_RULE_TYPES = ['queue_assignment', 'tenant_settings'] as const;
export type BusinessRuleType = (typeof BUSINESS_RULE_TYPES)[number];

/** One rule set as stored: the rules as validated, and when they were set. */
export interface BusinessRuleSet {
  ruleType: BusinessRuleType;
  rules: unknown[];
  updatedAt: string;
}

/** Rule sets live beside the tenant's settings (SystemConfig), one row per rule type. */
const ruleKey = (ruleType: BusinessRuleType) => `business_rules.${ruleType}`;

/**
 * Stores a tenant's rule set of one type, replacing the previous one. `tenant_settings` rules are the tenant's
 * settings themselves (`{rule_key, rule_value}`, validated by the caller against SETTINGS): they are written as the
 * settings every feature reads (tenantSetting), and the set is kept too, as the record of what the partner sent.
 */
export async function storeBusinessRules(em: EntityManager, tenantId: number, ruleType: BusinessRuleType, rules: unknown[]): Promise<BusinessRuleSet> {
  if (ruleType === 'tenant_settings') {
    const values = (rules as Array<{ rule_key: SettingKey; rule_value: unknown }>).map((r): [SettingKey, unknown] => [r.rule_key, r.rule_value]);
    await writeSettings(em, tenantId, values);
  }
  const set: BusinessRuleSet = { ruleType, rules, updatedAt: new Date().toISOString() };
  await writeConfigRows(em, tenantId, [[ruleKey(ruleType), set]]);
  return set;
}

/** A tenant's rule sets, by rule type (those never set are absent). */
export async function businessRules(em: EntityManager, tenantId: number): Promise<BusinessRuleSet[]> {
  const rows = await em.find(SystemConfig, { tenantId, configKey: { $in: BUSINESS_RULE_TYPES.map(ruleKey) } }, { orderBy: { configKey: 'asc' } });
  return rows.map((r) => r.configValue as BusinessRuleSet);
}
