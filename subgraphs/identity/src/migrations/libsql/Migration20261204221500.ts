import { Migration } from '@mikro-orm/migrations';

/**
 * Announces every existing account as `user.updated` (its name, position, role codes and status: the whole payload) and every tenant as
 * `tenant.changed` (code and zone), so activity's directories know the accounts and tenants that existed before
 * identity announced them. Event ids are fixed per row: a consumer that already saw one skips it.
 */
export class Migration20261204221500 extends Migration {

  override name = 'Migration20261204221500';

  override up(): void | Promise<void> {
    // json(): a subquery's JSON text would otherwise be embedded as a string.
    this.addSql(`insert into \`outbox_event\` (\`id\`, \`topic\`, \`aggregate_id\`, \`payload\`, \`tenant_id\`, \`occurred_at\`, \`attempts\`) select 'user-roles-backfill-' || u.\`id\`, 'user.updated', cast(u.\`id\` as text), json_object('userId', u.\`id\`, 'username', u.\`username\`, 'fullName', u.\`full_name\`, 'positionId', u.\`position_id\`, 'status', u.\`status\`, 'roles', json(coalesce((select json_group_array(r.\`code\`) from \`user_role\` ur join \`role\` r on r.\`id\` = ur.\`role_id\` where ur.\`user_id\` = u.\`id\`), '[]'))), cast(u.\`tenant_id\` as text), strftime('%s', 'now') * 1000, 0 from \`user\` u where u.\`deleted_at\` is null;`);
    this.addSql(`insert into \`outbox_event\` (\`id\`, \`topic\`, \`aggregate_id\`, \`payload\`, \`tenant_id\`, \`occurred_at\`, \`attempts\`) select 'tenant-changed-backfill-' || \`id\`, 'tenant.changed', cast(\`id\` as text), json_object('tenantId', \`id\`, 'code', \`code\`, 'zone', \`zone\`), cast(\`id\` as text), strftime('%s', 'now') * 1000, 0 from \`tenant\`;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`delete from \`outbox_event\` where \`id\` like 'user-roles-backfill-%' or \`id\` like 'tenant-changed-backfill-%';`);
  }

}
