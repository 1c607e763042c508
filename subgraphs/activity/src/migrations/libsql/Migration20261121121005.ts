import { Migration } from '@mikro-orm/migrations';

export class Migration20261121121005 extends Migration {

  override name = 'Migration20261121121005';

  override up(): void | Promise<void> {
    this.addSql(`create table \`notification\` (\`id\` integer not null primary key autoincrement, \`tenant_id\` text not null, \`recipient_id\` text not null, \`title\` text not null, \`body\` text not null, \`category\` text not null, \`is_read\` integer not null default false, \`read_at\` datetime null, \`created_at\` datetime not null);`);
    this.addSql(`create index \`notification_recipient_id_is_read_index\` on \`notification\` (\`recipient_id\`, \`is_read\`);`);

    this.addSql(`create table \`outbox_event\` (\`id\` text not null primary key, \`topic\` text not null, \`aggregate_id\` text null, \`payload\` json not null, \`tenant_id\` text null, \`occurred_at\` datetime not null, \`published_at\` datetime null, \`attempts\` integer not null default 0);`);
    this.addSql(`create index \`outbox_event_published_at_occurred_at_index\` on \`outbox_event\` (\`published_at\`, \`occurred_at\`);`);

    this.addSql(`create table \`processed_event\` (\`consumer\` text not null, \`event_id\` text not null, \`processed_at\` datetime not null, primary key (\`consumer\`, \`event_id\`));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists \`notification\`;`);
    this.addSql(`drop table if exists \`outbox_event\`;`);
    this.addSql(`drop table if exists \`processed_event\`;`);
  }

}
