import { Migration } from '@mikro-orm/migrations';

/** Templates, announcements and their reads, the audit trail, the recipient and tenant projections; notifications gain priority, forced read, template and reminders. */
export class Migration20261204211902 extends Migration {

  override name = 'Migration20261204211902';

  override up(): void | Promise<void> {
    this.addSql(`create table \`audit_entry\` (\`id\` integer not null primary key autoincrement, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`tenant_id\` integer null, \`event_id\` text not null, \`source\` text not null, \`actor_id\` text null, \`actor_name\` text null, \`action\` text not null, \`resource_type\` text not null, \`resource_id\` text not null, \`before\` json null, \`after\` json null, \`summary\` text null, \`request_id\` text null, \`occurred_at\` datetime not null);`);
    this.addSql(`create index \`audit_entry_tenant_id_index\` on \`audit_entry\` (\`tenant_id\`);`);
    this.addSql(`create index \`audit_entry_tenant_id_occurred_at_index\` on \`audit_entry\` (\`tenant_id\`, \`occurred_at\`);`);
    this.addSql(`create index \`audit_entry_tenant_id_actor_id_occurred_at_index\` on \`audit_entry\` (\`tenant_id\`, \`actor_id\`, \`occurred_at\`);`);
    this.addSql(`create index \`audit_entry_tenant_id_resource_type_resource_id_occurred_at_index\` on \`audit_entry\` (\`tenant_id\`, \`resource_type\`, \`resource_id\`, \`occurred_at\`);`);
    this.addSql(`create unique index \`audit_entry_event_id_unique\` on \`audit_entry\` (\`event_id\`);`);

    this.addSql(`create table \`known_tenant\` (\`tenant_id\` integer not null primary key, \`code\` text not null, \`zone\` text not null, \`as_of\` datetime not null);`);
    this.addSql(`create unique index \`known_tenant_code_unique\` on \`known_tenant\` (\`code\`);`);

    this.addSql(`create table \`membership\` (\`user_id\` text not null primary key, \`tenant_id\` integer null, \`team_id\` text null, \`agency_id\` text null, \`as_of\` datetime not null);`);
    this.addSql(`create index \`membership_tenant_id_agency_id_index\` on \`membership\` (\`tenant_id\`, \`agency_id\`);`);
    this.addSql(`create index \`membership_tenant_id_team_id_index\` on \`membership\` (\`tenant_id\`, \`team_id\`);`);

    this.addSql(`create table \`notification_template\` (\`id\` integer not null primary key autoincrement, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`tenant_id\` integer not null, \`code\` text not null, \`name\` text not null, \`type\` text not null, \`title_template\` text null, \`content_template\` text not null, \`target_type\` text not null default 'collector', \`forced_read\` integer not null default false, \`repeat_interval_minutes\` integer null, \`max_remind_count\` integer not null default 0, \`priority\` text not null default 'medium', \`display_duration_seconds\` integer null, \`action_url_template\` text null, \`enabled\` integer not null default true);`);
    this.addSql(`create index \`notification_template_tenant_id_index\` on \`notification_template\` (\`tenant_id\`);`);
    this.addSql(`create unique index \`notification_template_tenant_id_code_unique\` on \`notification_template\` (\`tenant_id\`, \`code\`);`);

    this.addSql(`create table \`public_notification\` (\`id\` integer not null primary key autoincrement, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`tenant_id\` integer not null, \`title\` text not null, \`content\` text not null, \`forced_read\` integer not null default false, \`effective_start\` datetime not null, \`effective_end\` datetime null, \`enabled\` integer not null default true, \`created_by\` text null);`);
    this.addSql(`create index \`public_notification_tenant_id_index\` on \`public_notification\` (\`tenant_id\`);`);
    this.addSql(`create index \`public_notification_tenant_id_enabled_effective_start_index\` on \`public_notification\` (\`tenant_id\`, \`enabled\`, \`effective_start\`);`);

    this.addSql(`create table \`public_notification_read\` (\`public_notification_id\` integer not null, \`user_id\` text not null, \`tenant_id\` integer not null, \`read_at\` datetime not null, primary key (\`public_notification_id\`, \`user_id\`));`);
    this.addSql(`create index \`public_notification_read_tenant_id_index\` on \`public_notification_read\` (\`tenant_id\`);`);

    this.addSql(`create table \`recipient_role\` (\`user_id\` text not null, \`role_code\` text not null, \`tenant_id\` integer null, primary key (\`user_id\`, \`role_code\`));`);
    this.addSql(`create index \`recipient_role_tenant_id_role_code_index\` on \`recipient_role\` (\`tenant_id\`, \`role_code\`);`);

    this.addSql(`create table \`recipient_user\` (\`user_id\` text not null primary key, \`tenant_id\` integer null, \`active\` integer not null, \`as_of\` datetime not null);`);
    this.addSql(`create index \`recipient_user_tenant_id_index\` on \`recipient_user\` (\`tenant_id\`);`);

    this.addSql(`alter table \`notification\` add column \`priority\` text not null default 'medium';`);
    this.addSql(`alter table \`notification\` add column \`forced_read\` integer not null default false;`);
    this.addSql(`alter table \`notification\` add column \`template_code\` text null;`);
    this.addSql(`alter table \`notification\` add column \`action_url\` text null;`);
    this.addSql(`alter table \`notification\` add column \`display_duration_seconds\` integer null;`);
    this.addSql(`alter table \`notification\` add column \`remind_interval_minutes\` integer null;`);
    this.addSql(`alter table \`notification\` add column \`max_remind_count\` integer not null default 0;`);
    this.addSql(`alter table \`notification\` add column \`remind_count\` integer not null default 0;`);
    this.addSql(`alter table \`notification\` add column \`next_remind_at\` datetime null;`);
    this.addSql(`create index \`notification_tenant_id_template_code_index\` on \`notification\` (\`tenant_id\`, \`template_code\`);`);
    this.addSql(`create index \`notification_is_read_next_remind_at_index\` on \`notification\` (\`is_read\`, \`next_remind_at\`);`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists \`audit_entry\`;`);
    this.addSql(`drop table if exists \`known_tenant\`;`);
    this.addSql(`drop table if exists \`membership\`;`);
    this.addSql(`drop table if exists \`notification_template\`;`);
    this.addSql(`drop table if exists \`public_notification\`;`);
    this.addSql(`drop table if exists \`public_notification_read\`;`);
    this.addSql(`drop table if exists \`recipient_role\`;`);
    this.addSql(`drop table if exists \`recipient_user\`;`);

    this.addSql(`drop index \`notification_tenant_id_template_code_index\`;`);
    this.addSql(`drop index \`notification_is_read_next_remind_at_index\`;`);
    this.addSql(`alter table \`notification\` drop column \`priority\`;`);
    this.addSql(`alter table \`notification\` drop column \`forced_read\`;`);
    this.addSql(`alter table \`notification\` drop column \`template_code\`;`);
    this.addSql(`alter table \`notification\` drop column \`action_url\`;`);
    this.addSql(`alter table \`notification\` drop column \`display_duration_seconds\`;`);
    this.addSql(`alter table \`notification\` drop column \`remind_interval_minutes\`;`);
    this.addSql(`alter table \`notification\` drop column \`max_remind_count\`;`);
    this.addSql(`alter table \`notification\` drop column \`remind_count\`;`);
    this.addSql(`alter table \`notification\` drop column \`next_remind_at\`;`);
  }

}
