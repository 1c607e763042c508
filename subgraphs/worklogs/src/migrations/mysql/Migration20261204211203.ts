import { Migration } from '@mikro-orm/migrations';

export class Migration20261204211203 extends Migration {

  override name = 'Migration20261204211203';

  override up(): void | Promise<void> {
    this.addSql(`create table \`dead_letter\` (\`id\` varchar(36) not null, \`consumer\` varchar(100) not null, \`event_id\` varchar(36) not null, \`topic\` varchar(200) not null, \`payload\` json not null, \`tenant_id\` varchar(36) null, \`aggregate_id\` varchar(36) null, \`occurred_at\` datetime(3) not null, \`attempts\` int not null, \`last_error\` text not null, \`dead_at\` datetime(3) not null, \`replayed_at\` datetime(3) null, primary key (\`id\`)) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`dead_letter\` add index \`dead_letter_replayed_at_dead_at_index\` (\`replayed_at\`, \`dead_at\`);`);
    this.addSql(`alter table \`dead_letter\` add unique \`dead_letter_consumer_event_id_unique\` (\`consumer\`, \`event_id\`);`);

    this.addSql(`create table \`directory_position\` (\`id\` int unsigned not null, \`tenant_id\` int null, \`parent_id\` int null, \`present\` tinyint(1) not null, \`as_of\` datetime(3) not null, primary key (\`id\`)) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`directory_position\` add index \`directory_position_tenant_id_parent_id_index\` (\`tenant_id\`, \`parent_id\`);`);

    this.addSql(`create table \`directory_user\` (\`id\` int unsigned not null, \`tenant_id\` int null, \`username\` varchar(64) not null, \`full_name\` varchar(128) null, \`position_id\` int null, \`present\` tinyint(1) not null, \`as_of\` datetime(3) not null, primary key (\`id\`)) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`directory_user\` add index \`directory_user_tenant_id_position_id_index\` (\`tenant_id\`, \`position_id\`);`);

    this.addSql(`create table \`outbox_event\` (\`id\` varchar(36) not null, \`topic\` varchar(200) not null, \`aggregate_id\` varchar(36) null, \`payload\` json not null, \`tenant_id\` varchar(36) null, \`occurred_at\` datetime(3) not null, \`published_at\` datetime(3) null, \`attempts\` int not null default 0, primary key (\`id\`)) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`outbox_event\` add index \`outbox_event_published_at_occurred_at_index\` (\`published_at\`, \`occurred_at\`);`);

    this.addSql(`create table \`outbox_lease\` (\`name\` varchar(100) not null, \`holder\` varchar(100) not null, \`expires_at\` datetime(3) not null, primary key (\`name\`)) default character set utf8mb4 engine = InnoDB;`);

    this.addSql(`create table \`processed_event\` (\`consumer\` varchar(100) not null, \`event_id\` varchar(36) not null, \`processed_at\` datetime(3) not null, primary key (\`consumer\`, \`event_id\`)) default character set utf8mb4 engine = InnoDB;`);

    this.addSql(`create table \`work_log\` (\`id\` int unsigned not null auto_increment primary key, \`created_at\` datetime(3) not null, \`updated_at\` datetime(3) not null, \`tenant_id\` int not null, \`employee_id\` varchar(36) not null, \`log_date\` varchar(10) not null, \`work_content\` text not null, \`completion_status\` varchar(16) not null default 'completed', \`problems_encountered\` text null, \`tomorrow_plan\` text null, \`self_rating\` int null, \`supervisor_rating\` int null, \`supervisor_comment\` text null, \`supervisor_id\` varchar(36) null, \`rated_at\` datetime(3) null) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`work_log\` add index \`work_log_tenant_id_index\` (\`tenant_id\`);`);
    this.addSql(`alter table \`work_log\` add index \`work_log_tenant_id_log_date_index\` (\`tenant_id\`, \`log_date\`);`);
    this.addSql(`alter table \`work_log\` add unique \`work_log_tenant_id_employee_id_log_date_unique\` (\`tenant_id\`, \`employee_id\`, \`log_date\`);`);
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
