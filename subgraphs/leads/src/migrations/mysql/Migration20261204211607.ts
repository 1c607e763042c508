import { Migration } from '@mikro-orm/migrations';

export class Migration20261204211607 extends Migration {

  override name = 'Migration20261204211607';

  override up(): void | Promise<void> {
    this.addSql(`create table \`dead_letter\` (\`id\` varchar(36) not null, \`consumer\` varchar(100) not null, \`event_id\` varchar(36) not null, \`topic\` varchar(200) not null, \`payload\` json not null, \`tenant_id\` varchar(36) null, \`aggregate_id\` varchar(36) null, \`occurred_at\` datetime(3) not null, \`attempts\` int not null, \`last_error\` text not null, \`dead_at\` datetime(3) not null, \`replayed_at\` datetime(3) null, primary key (\`id\`)) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`dead_letter\` add index \`dead_letter_replayed_at_dead_at_index\` (\`replayed_at\`, \`dead_at\`);`);
    this.addSql(`alter table \`dead_letter\` add unique \`dead_letter_consumer_event_id_unique\` (\`consumer\`, \`event_id\`);`);

    this.addSql(`create table \`follow_up_record\` (\`id\` int unsigned not null auto_increment primary key, \`created_at\` datetime(3) not null, \`updated_at\` datetime(3) not null, \`tenant_id\` int not null, \`lead_id\` int not null, \`follow_up_time\` datetime(3) not null, \`method\` varchar(50) null, \`content\` text not null, \`result\` varchar(200) null, \`follow_up_person\` varchar(100) not null, \`recorded_by_id\` varchar(36) not null) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`follow_up_record\` add index \`follow_up_record_tenant_id_index\` (\`tenant_id\`);`);
    this.addSql(`alter table \`follow_up_record\` add index \`follow_up_record_tenant_id_created_at_index\` (\`tenant_id\`, \`created_at\`);`);
    this.addSql(`alter table \`follow_up_record\` add index \`follow_up_record_lead_id_follow_up_time_id_index\` (\`lead_id\`, \`follow_up_time\`, \`id\`);`);

    this.addSql(`create table \`foreign_ref\` (\`entity\` varchar(50) not null, \`ref_id\` varchar(36) not null, \`tenant_id\` varchar(36) null, \`present\` tinyint(1) not null, \`as_of\` datetime(3) not null, primary key (\`entity\`, \`ref_id\`)) default character set utf8mb4 engine = InnoDB;`);

    this.addSql(`create table \`customer_lead\` (\`id\` int unsigned not null auto_increment primary key, \`created_at\` datetime(3) not null, \`updated_at\` datetime(3) not null, \`tenant_id\` int not null, \`customer_nickname\` varchar(100) not null, \`source_platform\` varchar(50) null, \`source_account\` varchar(100) null, \`contact_account\` varchar(100) null, \`lead_time\` datetime(3) not null, \`is_contacted\` tinyint(1) not null default false, \`intention_level\` varchar(2) not null, \`registrant_id\` varchar(36) not null, \`follower_id\` varchar(36) not null, \`is_deal\` tinyint(1) not null default false, \`deal_date\` varchar(10) null, \`need_followup\` tinyint(1) not null default true, \`end_followup\` tinyint(1) not null default false, \`end_followup_reason\` varchar(500) null) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`customer_lead\` add index \`customer_lead_tenant_id_index\` (\`tenant_id\`);`);
    this.addSql(`alter table \`customer_lead\` add index \`customer_lead_tenant_id_end_followup_updated_at_index\` (\`tenant_id\`, \`end_followup\`, \`updated_at\`);`);
    this.addSql(`alter table \`customer_lead\` add index \`customer_lead_tenant_id_lead_time_index\` (\`tenant_id\`, \`lead_time\`);`);
    this.addSql(`alter table \`customer_lead\` add index \`customer_lead_tenant_id_follower_id_created_at_index\` (\`tenant_id\`, \`follower_id\`, \`created_at\`);`);
    this.addSql(`alter table \`customer_lead\` add index \`customer_lead_tenant_id_registrant_id_created_at_index\` (\`tenant_id\`, \`registrant_id\`, \`created_at\`);`);
    this.addSql(`alter table \`customer_lead\` add index \`customer_lead_tenant_id_created_at_index\` (\`tenant_id\`, \`created_at\`);`);

    this.addSql(`create table \`leads_setting\` (\`id\` int unsigned not null auto_increment primary key, \`created_at\` datetime(3) not null, \`updated_at\` datetime(3) not null, \`tenant_id\` int not null, \`time_zone\` varchar(64) not null) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`leads_setting\` add unique \`leads_setting_tenant_id_unique\` (\`tenant_id\`);`);

    this.addSql(`create table \`outbox_event\` (\`id\` varchar(36) not null, \`topic\` varchar(200) not null, \`aggregate_id\` varchar(36) null, \`payload\` json not null, \`tenant_id\` varchar(36) null, \`occurred_at\` datetime(3) not null, \`published_at\` datetime(3) null, \`attempts\` int not null default 0, primary key (\`id\`)) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`outbox_event\` add index \`outbox_event_published_at_occurred_at_index\` (\`published_at\`, \`occurred_at\`);`);

    this.addSql(`create table \`outbox_lease\` (\`name\` varchar(100) not null, \`holder\` varchar(100) not null, \`expires_at\` datetime(3) not null, primary key (\`name\`)) default character set utf8mb4 engine = InnoDB;`);

    this.addSql(`create table \`processed_event\` (\`consumer\` varchar(100) not null, \`event_id\` varchar(36) not null, \`processed_at\` datetime(3) not null, primary key (\`consumer\`, \`event_id\`)) default character set utf8mb4 engine = InnoDB;`);

    this.addSql(`create table \`followup_remind_config\` (\`id\` int unsigned not null auto_increment primary key, \`created_at\` datetime(3) not null, \`updated_at\` datetime(3) not null, \`tenant_id\` int not null, \`intention_level\` varchar(2) not null, \`interval_days\` int not null) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`followup_remind_config\` add unique \`followup_remind_config_tenant_id_intention_level_unique\` (\`tenant_id\`, \`intention_level\`);`);

    this.addSql(`create table \`reminder_run\` (\`id\` int unsigned not null auto_increment primary key, \`created_at\` datetime(3) not null, \`updated_at\` datetime(3) not null, \`tenant_id\` int not null, \`day\` varchar(10) not null, \`overdue_count\` int not null) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`reminder_run\` add unique \`reminder_run_tenant_id_day_unique\` (\`tenant_id\`, \`day\`);`);

    this.addSql(`create table \`remind_email\` (\`id\` int unsigned not null auto_increment primary key, \`created_at\` datetime(3) not null, \`updated_at\` datetime(3) not null, \`tenant_id\` int not null, \`email\` varchar(200) not null) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`remind_email\` add unique \`remind_email_tenant_id_email_unique\` (\`tenant_id\`, \`email\`);`);
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
