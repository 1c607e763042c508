import type { EventConsumer } from '@platform/kit';
import { writeSettings } from '../services/settings';
import { keepTenantCode } from '../services/tenant-code';

/** identity's `tenant.changed` (identity.events.ts): the tenant's code and IANA zone. */
interface TenantChangedPayload {
  tenantId: number | string;
  code?: string;
  zone?: string;
}

/**
 * Keeps each tenant's zone (identity owns it) as the `time_zone` setting, so dates "today in the tenant's zone"
 * (a PTP's date, daily figures) need no call to identity; and its code, which calls to the tenant's core system name
 * (X-Tenant-Code, partner § 3).
 */
export const tenantZoneConsumer: EventConsumer = {
  name: 'tenant-zone',
  topics: ['tenant.changed'],
  async handle(event, em) {
    const payload = event.payload as TenantChangedPayload;
    const tenantId = Number(payload.tenantId);
    if (payload.zone) await writeSettings(em, tenantId, [['time_zone', payload.zone]]);
    if (payload.code) await keepTenantCode(em, tenantId, payload.code);
  },
};
