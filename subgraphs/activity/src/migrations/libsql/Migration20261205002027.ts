import { Migration } from '@mikro-orm/migrations';

/**
 * Announcements are pushed live once as they take effect (published_at, and feed_position: where they sit among
 * notifications for a subscriber's cursor), and may be platform-wide (no tenant). Those already in effect are pushed
 * once by the first run of the publishing job.
 */
export class Migration20261205002027 extends Migration {

  override name = 'Migration20261205002027';

  override up(): void | Promise<void> {
    this.addSql(`pragma foreign_keys = off;`);
    this.addSql(`create table \`public_notification__temp_alter\` (\`id\` integer not null primary key autoincrement, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`tenant_id\` integer null, \`title\` text not null, \`content\` text not null, \`forced_read\` integer not null default false, \`effective_start\` datetime not null, \`effective_end\` datetime null, \`enabled\` integer not null default true, \`created_by\` text null, \`published_at\` datetime null, \`feed_position\` integer null);`);
    this.addSql(`insert into \`public_notification__temp_alter\` select \`id\`, \`created_at\`, \`updated_at\`, \`tenant_id\`, \`title\`, \`content\`, \`forced_read\`, \`effective_start\`, \`effective_end\`, \`enabled\`, \`created_by\`, null as \`published_at\`, null as \`feed_position\` from \`public_notification\`;`);
    this.addSql(`drop table \`public_notification\`;`);
    this.addSql(`alter table \`public_notification__temp_alter\` rename to \`public_notification\`;`);
    this.addSql(`create index \`public_notification_tenant_id_index\` on \`public_notification\` (\`tenant_id\`);`);
    this.addSql(`create index \`public_notification_published_at_effective_start_index\` on \`public_notification\` (\`published_at\`, \`effective_start\`);`);
    this.addSql(`create index \`public_notification_tenant_id_enabled_effective_start_index\` on \`public_notification\` (\`tenant_id\`, \`enabled\`, \`effective_start\`);`);
    this.addSql(`pragma foreign_keys = on;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`pragma foreign_keys = off;`);
    this.addSql(`create table \`public_notification__temp_alter\` (\`id\` integer not null primary key autoincrement, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`tenant_id\` INTEGER not null, \`title\` TEXT not null, \`content\` TEXT not null, \`forced_read\` INTEGER not null default false, \`effective_start\` datetime not null, \`effective_end\` datetime null, \`enabled\` INTEGER not null default true, \`created_by\` TEXT null);`);
    this.addSql(`insert into \`public_notification__temp_alter\` select \`id\`, \`created_at\`, \`updated_at\`, \`tenant_id\`, \`title\`, \`content\`, \`forced_read\`, \`effective_start\`, \`effective_end\`, \`enabled\`, \`created_by\` from \`public_notification\`;`);
    this.addSql(`drop table \`public_notification\`;`);
    this.addSql(`alter table \`public_notification__temp_alter\` rename to \`public_notification\`;`);
    this.addSql(`create index \`public_notification_tenant_id_enabled_effective_start_index\` on \`public_notification\` (\`tenant_id\`, \`enabled\`, \`effective_start\`);`);
    this.addSql(`create index \`public_notification_tenant_id_index\` on \`public_notification\` (\`tenant_id\`);`);
    this.addSql(`pragma foreign_keys = on;`);
  }

}
