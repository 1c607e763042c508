import { Migration } from '@mikro-orm/migrations';

/**
 * Announces every tenant again as `tenant.changed` (code and zone): collections now keeps each tenant's code, which
 * its calls to the tenant's core system name (X-Tenant-Code), and had seen the earlier announcements before it kept
 * it. Event ids are fixed per tenant: a consumer that already saw one skips it.
 */
export class Migration20261205110000 extends Migration {

  override name = 'Migration20261205110000';

  override up(): void | Promise<void> {
    this.addSql(`insert into \`outbox_event\` (\`id\`, \`topic\`, \`aggregate_id\`, \`payload\`, \`tenant_id\`, \`occurred_at\`, \`attempts\`) select concat('tenant-code-backfill-', \`id\`), 'tenant.changed', cast(\`id\` as char), json_object('tenantId', \`id\`, 'code', \`code\`, 'zone', \`zone\`), cast(\`id\` as char), utc_timestamp(3), 0 from \`tenant\`;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`delete from \`outbox_event\` where \`id\` like 'tenant-code-backfill-%';`);
  }

}
