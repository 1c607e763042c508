import { Migration } from '@mikro-orm/migrations';

export class Migration20261204211607 extends Migration {

  override name = 'Migration20261204211607';

  override up(): void | Promise<void> {
    this.addSql(`create table \`dead_letter\` (\`id\` text not null primary key, \`consumer\` text not null, \`event_id\` text not null, \`topic\` text not null, \`payload\` json not null, \`tenant_id\` text null, \`aggregate_id\` text null, \`occurred_at\` datetime not null, \`attempts\` integer not null, \`last_error\` text not null, \`dead_at\` datetime not null, \`replayed_at\` datetime null);`);
    this.addSql(`create index \`dead_letter_replayed_at_dead_at_index\` on \`dead_letter\` (\`replayed_at\`, \`dead_at\`);`);
    this.addSql(`create unique index \`dead_letter_consumer_event_id_unique\` on \`dead_letter\` (\`consumer\`, \`event_id\`);`);

    this.addSql(`create table \`follow_up_record\` (\`id\` integer not null primary key autoincrement, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`tenant_id\` integer not null, \`lead_id\` integer not null, \`follow_up_time\` datetime not null, \`method\` text null, \`content\` text not null, \`result\` text null, \`follow_up_person\` text not null, \`recorded_by_id\` text not null);`);
    this.addSql(`create index \`follow_up_record_tenant_id_index\` on \`follow_up_record\` (\`tenant_id\`);`);
    this.addSql(`create index \`follow_up_record_tenant_id_created_at_index\` on \`follow_up_record\` (\`tenant_id\`, \`created_at\`);`);
    this.addSql(`create index \`follow_up_record_lead_id_follow_up_time_id_index\` on \`follow_up_record\` (\`lead_id\`, \`follow_up_time\`, \`id\`);`);

    this.addSql(`create table \`foreign_ref\` (\`entity\` text not null, \`ref_id\` text not null, \`tenant_id\` text null, \`present\` integer not null, \`as_of\` datetime not null, primary key (\`entity\`, \`ref_id\`));`);

    this.addSql(`create table \`customer_lead\` (\`id\` integer not null primary key autoincrement, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`tenant_id\` integer not null, \`customer_nickname\` text not null, \`source_platform\` text null, \`source_account\` text null, \`contact_account\` text null, \`lead_time\` datetime not null, \`is_contacted\` integer not null default false, \`intention_level\` text not null, \`registrant_id\` text not null, \`follower_id\` text not null, \`is_deal\` integer not null default false, \`deal_date\` text null, \`need_followup\` integer not null default true, \`end_followup\` integer not null default false, \`end_followup_reason\` text null);`);
    this.addSql(`create index \`customer_lead_tenant_id_index\` on \`customer_lead\` (\`tenant_id\`);`);
    this.addSql(`create index \`customer_lead_tenant_id_end_followup_updated_at_index\` on \`customer_lead\` (\`tenant_id\`, \`end_followup\`, \`updated_at\`);`);
    this.addSql(`create index \`customer_lead_tenant_id_lead_time_index\` on \`customer_lead\` (\`tenant_id\`, \`lead_time\`);`);
    this.addSql(`create index \`customer_lead_tenant_id_follower_id_created_at_index\` on \`customer_lead\` (\`tenant_id\`, \`follower_id\`, \`created_at\`);`);
    this.addSql(`create index \`customer_lead_tenant_id_registrant_id_created_at_index\` on \`customer_lead\` (\`tenant_id\`, \`registrant_id\`, \`created_at\`);`);
    this.addSql(`create index \`customer_lead_tenant_id_created_at_index\` on \`customer_lead\` (\`tenant_id\`, \`created_at\`);`);

    this.addSql(`create table \`leads_setting\` (\`id\` integer not null primary key autoincrement, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`tenant_id\` integer not null, \`time_zone\` text not null);`);
    this.addSql(`create unique index \`leads_setting_tenant_id_unique\` on \`leads_setting\` (\`tenant_id\`);`);

    this.addSql(`create table \`outbox_event\` (\`id\` text not null primary key, \`topic\` text not null, \`aggregate_id\` text null, \`payload\` json not null, \`tenant_id\` text null, \`occurred_at\` datetime not null, \`published_at\` datetime null, \`attempts\` integer not null default 0);`);
    this.addSql(`create index \`outbox_event_published_at_occurred_at_index\` on \`outbox_event\` (\`published_at\`, \`occurred_at\`);`);

    this.addSql(`create table \`outbox_lease\` (\`name\` text not null primary key, \`holder\` text not null, \`expires_at\` datetime not null);`);

    this.addSql(`create table \`processed_event\` (\`consumer\` text not null, \`event_id\` text not null, \`processed_at\` datetime not null, primary key (\`consumer\`, \`event_id\`));`);

    this.addSql(`create table \`followup_remind_config\` (\`id\` integer not null primary key autoincrement, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`tenant_id\` integer not null, \`intention_level\` text not null, \`interval_days\` integer not null);`);
    this.addSql(`create unique index \`followup_remind_config_tenant_id_intention_level_unique\` on \`followup_remind_config\` (\`tenant_id\`, \`intention_level\`);`);

    this.addSql(`create table \`reminder_run\` (\`id\` integer not null primary key autoincrement, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`tenant_id\` integer not null, \`day\` text not null, \`overdue_count\` integer not null);`);
    this.addSql(`create unique index \`reminder_run_tenant_id_day_unique\` on \`reminder_run\` (\`tenant_id\`, \`day\`);`);

    this.addSql(`create table \`remind_email\` (\`id\` integer not null primary key autoincrement, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`tenant_id\` integer not null, \`email\` text not null);`);
    this.addSql(`create unique index \`remind_email_tenant_id_email_unique\` on \`remind_email\` (\`tenant_id\`, \`email\`);`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists \`dead_letter\`;`);
    this.addSql(`drop table if exists \`follow_up_record\`;`);
    this.addSql(`drop table if exists \`foreign_ref\`;`);
    this.addSql(`drop table if exists \`customer_lead\`;`);
    this.addSql(`drop table if exists \`leads_setting\`;`);
    this.addSql(`drop table if exists \`outbox_event\`;`);
    this.addSql(`drop table if exists \`outbox_lease\`;`);
    this.addSql(`drop table if exists \`processed_event\`;`);
    this.addSql(`drop table if exists \`followup_remind_config\`;`);
    this.addSql(`drop table if exists \`reminder_run\`;`);
    this.addSql(`drop table if exists \`remind_email\`;`);
  }

}
