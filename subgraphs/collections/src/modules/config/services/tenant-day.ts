import type { EntityManager } from '@mikro-orm/core';
import { DateTime } from 'luxon';
import { tenantSetting } from './settings';

/** The tenant's IANA zone (identity's, kept as the `time_zone` setting; UTC until identity has announced it). */
export const tenantZone = (em: EntityManager, tenantId: number): Promise<string> => tenantSetting(em, 'time_zone', tenantId);

/** `YYYY-MM-DD` of `at` in `zone`. */
export const dayIn = (zone: string, at: Date = new Date()): string =>
  DateTime.fromJSDate(at, { zone }).toFormat('yyyy-MM-dd');
