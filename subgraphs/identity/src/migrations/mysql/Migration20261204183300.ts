import { Migration } from '@mikro-orm/migrations';

/**
 * Announces every existing account once more as `user.created`, so subgraphs that keep a directory of users
 * (activity's recipients) learn accounts created before they listened. Event ids are fixed per user: a consumer
 * that already saw one skips it.
 */
export class Migration20261204183300 extends Migration {

  override name = 'Migration20261204183300';

  override up(): void | Promise<void> {
    this.addSql(`insert into \`outbox_event\` (\`id\`, \`topic\`, \`aggregate_id\`, \`payload\`, \`tenant_id\`, \`occurred_at\`, \`attempts\`) select concat('user-created-backfill-', \`id\`), 'user.created', cast(\`id\` as char), json_object('userId', \`id\`, 'username', \`username\`), cast(\`tenant_id\` as char), utc_timestamp(3), 0 from \`user\` where \`deleted_at\` is null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`delete from \`outbox_event\` where \`id\` like 'user-created-backfill-%';`);
  }

}
