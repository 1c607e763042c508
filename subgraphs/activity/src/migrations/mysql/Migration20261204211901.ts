import { Migration } from '@mikro-orm/migrations';

/** Templates, announcements and their reads, the audit trail, the recipient and tenant projections; notifications gain priority, forced read, template and reminders. */
export class Migration20261204211901 extends Migration {

  override name = 'Migration20261204211901';

  override up(): void | Promise<void> {
    this.addSql(`create table \`audit_entry\` (\`id\` int unsigned not null auto_increment primary key, \`created_at\` datetime(3) not null, \`updated_at\` datetime(3) not null, \`tenant_id\` int null, \`event_id\` varchar(36) not null, \`source\` varchar(50) not null, \`actor_id\` varchar(36) null, \`actor_name\` varchar(100) null, \`action\` varchar(50) not null, \`resource_type\` varchar(50) not null, \`resource_id\` varchar(64) not null, \`before\` json null, \`after\` json null, \`summary\` varchar(500) null, \`request_id\` varchar(100) null, \`occurred_at\` datetime(3) not null) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`audit_entry\` add index \`audit_entry_tenant_id_index\` (\`tenant_id\`);`);
    this.addSql(`alter table \`audit_entry\` add index \`audit_entry_tenant_id_occurred_at_index\` (\`tenant_id\`, \`occurred_at\`);`);
    this.addSql(`alter table \`audit_entry\` add index \`audit_entry_tenant_id_actor_id_occurred_at_index\` (\`tenant_id\`, \`actor_id\`, \`occurred_at\`);`);
    this.addSql(`alter table \`audit_entry\` add index \`audit_entry_tenant_id_resource_type_resource_id_occ_d16e4_index\` (\`tenant_id\`, \`resource_type\`, \`resource_id\`, \`occurred_at\`);`);
    this.addSql(`alter table \`audit_entry\` add unique \`audit_entry_event_id_unique\` (\`event_id\`);`);

    this.addSql(`create table \`known_tenant\` (\`tenant_id\` int unsigned not null, \`code\` varchar(32) not null, \`zone\` varchar(64) not null, \`as_of\` datetime(3) not null, primary key (\`tenant_id\`)) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`known_tenant\` add unique \`known_tenant_code_unique\` (\`code\`);`);

    this.addSql(`create table \`membership\` (\`user_id\` varchar(36) not null, \`tenant_id\` int null, \`team_id\` varchar(36) null, \`agency_id\` varchar(36) null, \`as_of\` datetime(3) not null, primary key (\`user_id\`)) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`membership\` add index \`membership_tenant_id_agency_id_index\` (\`tenant_id\`, \`agency_id\`);`);
    this.addSql(`alter table \`membership\` add index \`membership_tenant_id_team_id_index\` (\`tenant_id\`, \`team_id\`);`);

    this.addSql(`create table \`notification_template\` (\`id\` int unsigned not null auto_increment primary key, \`created_at\` datetime(3) not null, \`updated_at\` datetime(3) not null, \`tenant_id\` int not null, \`code\` varchar(64) not null, \`name\` varchar(100) not null, \`type\` varchar(50) not null, \`title_template\` varchar(200) null, \`content_template\` text not null, \`target_type\` varchar(30) not null default 'collector', \`forced_read\` tinyint(1) not null default false, \`repeat_interval_minutes\` int null, \`max_remind_count\` int not null default 0, \`priority\` varchar(10) not null default 'medium', \`display_duration_seconds\` int null, \`action_url_template\` varchar(500) null, \`enabled\` tinyint(1) not null default true) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`notification_template\` add index \`notification_template_tenant_id_index\` (\`tenant_id\`);`);
    this.addSql(`alter table \`notification_template\` add unique \`notification_template_tenant_id_code_unique\` (\`tenant_id\`, \`code\`);`);

    this.addSql(`create table \`public_notification\` (\`id\` int unsigned not null auto_increment primary key, \`created_at\` datetime(3) not null, \`updated_at\` datetime(3) not null, \`tenant_id\` int not null, \`title\` varchar(200) not null, \`content\` text not null, \`forced_read\` tinyint(1) not null default false, \`effective_start\` datetime(3) not null, \`effective_end\` datetime(3) null, \`enabled\` tinyint(1) not null default true, \`created_by\` varchar(36) null) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`public_notification\` add index \`public_notification_tenant_id_index\` (\`tenant_id\`);`);
    this.addSql(`alter table \`public_notification\` add index \`public_notification_tenant_id_enabled_effective_start_index\` (\`tenant_id\`, \`enabled\`, \`effective_start\`);`);

    this.addSql(`create table \`public_notification_read\` (\`public_notification_id\` int unsigned not null, \`user_id\` varchar(36) not null, \`tenant_id\` int not null, \`read_at\` datetime(3) not null, primary key (\`public_notification_id\`, \`user_id\`)) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`public_notification_read\` add index \`public_notification_read_tenant_id_index\` (\`tenant_id\`);`);

    this.addSql(`create table \`recipient_role\` (\`user_id\` varchar(36) not null, \`role_code\` varchar(64) not null, \`tenant_id\` int null, primary key (\`user_id\`, \`role_code\`)) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`recipient_role\` add index \`recipient_role_tenant_id_role_code_index\` (\`tenant_id\`, \`role_code\`);`);

    this.addSql(`create table \`recipient_user\` (\`user_id\` varchar(36) not null, \`tenant_id\` int null, \`active\` tinyint(1) not null, \`as_of\` datetime(3) not null, primary key (\`user_id\`)) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`recipient_user\` add index \`recipient_user_tenant_id_index\` (\`tenant_id\`);`);

    this.addSql(`alter table \`notification\` add \`priority\` varchar(10) not null default 'medium', add \`forced_read\` tinyint(1) not null default false, add \`template_code\` varchar(64) null, add \`action_url\` varchar(500) null, add \`display_duration_seconds\` int null, add \`remind_interval_minutes\` int null, add \`max_remind_count\` int not null default 0, add \`remind_count\` int not null default 0, add \`next_remind_at\` datetime(3) null;`);
    this.addSql(`alter table \`notification\` add index \`notification_tenant_id_template_code_index\` (\`tenant_id\`, \`template_code\`);`);
    this.addSql(`alter table \`notification\` add index \`notification_is_read_next_remind_at_index\` (\`is_read\`, \`next_remind_at\`);`);
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

    this.addSql(`alter table \`notification\` drop index \`notification_tenant_id_template_code_index\`;`);
    this.addSql(`alter table \`notification\` drop index \`notification_is_read_next_remind_at_index\`;`);
    this.addSql(`alter table \`notification\` drop column \`priority\`, drop column \`forced_read\`, drop column \`template_code\`, drop column \`action_url\`, drop column \`display_duration_seconds\`, drop column \`remind_interval_minutes\`, drop column \`max_remind_count\`, drop column \`remind_count\`, drop column \`next_remind_at\`;`);
  }

}
