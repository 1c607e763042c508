import { Migration } from '@mikro-orm/migrations';

export class Migration20261204211203 extends Migration {

  override name = 'Migration20261204211203';

  override up(): void | Promise<void> {
    this.addSql(`create table \`dead_letter\` (\`id\` text not null primary key, \`consumer\` text not null, \`event_id\` text not null, \`topic\` text not null, \`payload\` json not null, \`tenant_id\` text null, \`aggregate_id\` text null, \`occurred_at\` datetime not null, \`attempts\` integer not null, \`last_error\` text not null, \`dead_at\` datetime not null, \`replayed_at\` datetime null);`);
    this.addSql(`create index \`dead_letter_replayed_at_dead_at_index\` on \`dead_letter\` (\`replayed_at\`, \`dead_at\`);`);
    this.addSql(`create unique index \`dead_letter_consumer_event_id_unique\` on \`dead_letter\` (\`consumer\`, \`event_id\`);`);

    this.addSql(`create table \`directory_position\` (\`id\` integer not null primary key, \`tenant_id\` integer null, \`parent_id\` integer null, \`present\` integer not null, \`as_of\` datetime not null);`);
    this.addSql(`create index \`directory_position_tenant_id_parent_id_index\` on \`directory_position\` (\`tenant_id\`, \`parent_id\`);`);

    this.addSql(`create table \`directory_user\` (\`id\` integer not null primary key, \`tenant_id\` integer null, \`username\` text not null, \`full_name\` text null, \`position_id\` integer null, \`present\` integer not null, \`as_of\` datetime not null);`);
    this.addSql(`create index \`directory_user_tenant_id_position_id_index\` on \`directory_user\` (\`tenant_id\`, \`position_id\`);`);

    this.addSql(`create table \`outbox_event\` (\`id\` text not null primary key, \`topic\` text not null, \`aggregate_id\` text null, \`payload\` json not null, \`tenant_id\` text null, \`occurred_at\` datetime not null, \`published_at\` datetime null, \`attempts\` integer not null default 0);`);
    this.addSql(`create index \`outbox_event_published_at_occurred_at_index\` on \`outbox_event\` (\`published_at\`, \`occurred_at\`);`);

    this.addSql(`create table \`outbox_lease\` (\`name\` text not null primary key, \`holder\` text not null, \`expires_at\` datetime not null);`);

    this.addSql(`create table \`processed_event\` (\`consumer\` text not null, \`event_id\` text not null, \`processed_at\` datetime not null, primary key (\`consumer\`, \`event_id\`));`);

    this.addSql(`create table \`work_log\` (\`id\` integer not null primary key autoincrement, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`tenant_id\` integer not null, \`employee_id\` text not null, \`log_date\` text not null, \`work_content\` text not null, \`completion_status\` text not null default 'completed', \`problems_encountered\` text null, \`tomorrow_plan\` text null, \`self_rating\` integer null, \`supervisor_rating\` integer null, \`supervisor_comment\` text null, \`supervisor_id\` text null, \`rated_at\` datetime null);`);
    this.addSql(`create index \`work_log_tenant_id_index\` on \`work_log\` (\`tenant_id\`);`);
    this.addSql(`create index \`work_log_tenant_id_log_date_index\` on \`work_log\` (\`tenant_id\`, \`log_date\`);`);
    this.addSql(`create unique index \`work_log_tenant_id_employee_id_log_date_unique\` on \`work_log\` (\`tenant_id\`, \`employee_id\`, \`log_date\`);`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists \`dead_letter\`;`);
    this.addSql(`drop table if exists \`directory_position\`;`);
    this.addSql(`drop table if exists \`directory_user\`;`);
    this.addSql(`drop table if exists \`outbox_event\`;`);
    this.addSql(`drop table if exists \`outbox_lease\`;`);
    this.addSql(`drop table if exists \`processed_event\`;`);
    this.addSql(`drop table if exists \`work_log\`;`);
  }

}
