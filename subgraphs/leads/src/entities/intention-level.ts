/** 002's intention levels, in its own words (GraphQL carries them as strings: enum names cannot be Chinese). */
export const INTENTION_LEVELS = ['高', '中', '低'] as const;
export type IntentionLevel = (typeof INTENTION_LEVELS)[number];

/** Reminder intervals a tenant starts with (decisions.md § 002). */
export const DEFAULT_INTERVAL_DAYS: Record<IntentionLevel, number> = { 高: 1, 中: 3, 低: 5 };
