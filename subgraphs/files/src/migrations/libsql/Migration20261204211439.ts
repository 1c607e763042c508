import { Migration } from '@mikro-orm/migrations';

export class Migration20261204211439 extends Migration {

  override name = 'Migration20261204211439';

  override up(): void | Promise<void> {
    this.addSql(`create table \`dead_letter\` (\`id\` text not null primary key, \`consumer\` text not null, \`event_id\` text not null, \`topic\` text not null, \`payload\` json not null, \`tenant_id\` text null, \`aggregate_id\` text null, \`occurred_at\` datetime not null, \`attempts\` integer not null, \`last_error\` text not null, \`dead_at\` datetime not null, \`replayed_at\` datetime null);`);
    this.addSql(`create index \`dead_letter_replayed_at_dead_at_index\` on \`dead_letter\` (\`replayed_at\`, \`dead_at\`);`);
    this.addSql(`create unique index \`dead_letter_consumer_event_id_unique\` on \`dead_letter\` (\`consumer\`, \`event_id\`);`);

    this.addSql(`create table \`export_task\` (\`id\` text not null primary key, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`tenant_id\` integer null, \`owner_id\` text not null, \`kind\` text not null, \`filter\` json not null, \`requester\` json not null, \`status\` text check (\`status\` in ('pending', 'processing', 'completed', 'failed')) not null default 'pending', \`progress\` integer not null default 0, \`total_rows\` integer null, \`file_name\` text null, \`file_id\` text null, \`error_message\` text null);`);
    this.addSql(`create index \`export_task_tenant_id_index\` on \`export_task\` (\`tenant_id\`);`);
    this.addSql(`create index \`export_task_status_index\` on \`export_task\` (\`status\`);`);

    this.addSql(`create table \`outbox_event\` (\`id\` text not null primary key, \`topic\` text not null, \`aggregate_id\` text null, \`payload\` json not null, \`tenant_id\` text null, \`occurred_at\` datetime not null, \`published_at\` datetime null, \`attempts\` integer not null default 0);`);
    this.addSql(`create index \`outbox_event_published_at_occurred_at_index\` on \`outbox_event\` (\`published_at\`, \`occurred_at\`);`);

    this.addSql(`create table \`outbox_lease\` (\`name\` text not null primary key, \`holder\` text not null, \`expires_at\` datetime not null);`);

    this.addSql(`create table \`processed_event\` (\`consumer\` text not null, \`event_id\` text not null, \`processed_at\` datetime not null, primary key (\`consumer\`, \`event_id\`));`);

    this.addSql(`create table \`stored_file\` (\`id\` text not null primary key, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`tenant_id\` integer null, \`owner_id\` text not null, \`category\` text check (\`category\` in ('avatar', 'document', 'export')) not null, \`original_name\` text not null, \`content_type\` text not null, \`size\` integer not null, \`sha256\` text not null, \`storage_key\` text not null);`);
    this.addSql(`create index \`stored_file_tenant_id_index\` on \`stored_file\` (\`tenant_id\`);`);
    this.addSql(`create index \`stored_file_owner_id_category_index\` on \`stored_file\` (\`owner_id\`, \`category\`);`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists \`dead_letter\`;`);
    this.addSql(`drop table if exists \`export_task\`;`);
    this.addSql(`drop table if exists \`outbox_event\`;`);
    this.addSql(`drop table if exists \`outbox_lease\`;`);
    this.addSql(`drop table if exists \`processed_event\`;`);
    this.addSql(`drop table if exists \`stored_file\`;`);
  }

}
