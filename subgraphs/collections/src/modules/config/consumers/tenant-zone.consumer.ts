import type { EventConsumer } from '@platform/kit';
import { writeSettings } from '../services/settings';

/** identity's `tenant.changed` (identity.events.ts): the tenant's code and IANA zone. */
interface TenantChangedPayload {
  tenantId: number | string;
  zone?: string;
}

/**
 * Keeps each tenant's zone (identity owns it) as the `time_zone` setting, so dates "today in the tenant's zone"
 * (a PTP's date, daily figures) need no call to identity.
 */
export const tenantZoneConsumer: EventConsumer = {
  name: 'tenant-zone',
  topics: ['tenant.changed'],
  async handle(event, em) {
    const payload = event.payload as TenantChangedPayload;
    if (!payload.zone) return;
    await writeSettings(em, Number(payload.tenantId), [['time_zone', payload.zone]]);
  },
};
