import { Migration } from '@mikro-orm/migrations';

/**
 * The kit's bases: notifications gain updated_at (existing rows take their created_at) and an integer, indexed
 * tenant_id (the caller's tenant id was stored as its string of digits).
 */
export class Migration20261121122128 extends Migration {

  override name = 'Migration20261121122128';

  override up(): void | Promise<void> {
    this.addSql(`pragma foreign_keys = off;`);
    this.addSql(`create table \`notification__temp_alter\` (\`id\` integer not null primary key autoincrement, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`tenant_id\` integer not null, \`recipient_id\` text not null, \`title\` text not null, \`body\` text not null, \`category\` text not null, \`is_read\` integer not null default false, \`read_at\` datetime null);`);
    this.addSql(`insert into \`notification__temp_alter\` select \`id\`, \`created_at\`, \`created_at\` as \`updated_at\`, \`tenant_id\`, \`recipient_id\`, \`title\`, \`body\`, \`category\`, \`is_read\`, \`read_at\` from \`notification\`;`);
    this.addSql(`drop table \`notification\`;`);
    this.addSql(`alter table \`notification__temp_alter\` rename to \`notification\`;`);
    this.addSql(`create index \`notification_tenant_id_index\` on \`notification\` (\`tenant_id\`);`);
    this.addSql(`create index \`notification_recipient_id_is_read_index\` on \`notification\` (\`recipient_id\`, \`is_read\`);`);
    this.addSql(`pragma foreign_keys = on;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`pragma foreign_keys = off;`);
    this.addSql(`create table \`notification__temp_alter\` (\`id\` integer not null primary key autoincrement, \`tenant_id\` TEXT not null, \`recipient_id\` TEXT not null, \`title\` TEXT not null, \`body\` TEXT not null, \`category\` TEXT not null, \`is_read\` INTEGER not null default false, \`read_at\` datetime null, \`created_at\` datetime not null);`);
    this.addSql(`insert into \`notification__temp_alter\` select \`id\`, \`tenant_id\`, \`recipient_id\`, \`title\`, \`body\`, \`category\`, \`is_read\`, \`read_at\`, \`created_at\` from \`notification\`;`);
    this.addSql(`drop table \`notification\`;`);
    this.addSql(`alter table \`notification__temp_alter\` rename to \`notification\`;`);
    this.addSql(`create index \`notification_recipient_id_is_read_index\` on \`notification\` (\`recipient_id\`, \`is_read\`);`);
    this.addSql(`pragma foreign_keys = on;`);
  }

}
