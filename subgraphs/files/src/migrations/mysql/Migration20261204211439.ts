import { Migration } from '@mikro-orm/migrations';

export class Migration20261204211439 extends Migration {

  override name = 'Migration20261204211439';

  override up(): void | Promise<void> {
    this.addSql(`create table \`dead_letter\` (\`id\` varchar(36) not null, \`consumer\` varchar(100) not null, \`event_id\` varchar(36) not null, \`topic\` varchar(200) not null, \`payload\` json not null, \`tenant_id\` varchar(36) null, \`aggregate_id\` varchar(36) null, \`occurred_at\` datetime(3) not null, \`attempts\` int not null, \`last_error\` text not null, \`dead_at\` datetime(3) not null, \`replayed_at\` datetime(3) null, primary key (\`id\`)) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`dead_letter\` add index \`dead_letter_replayed_at_dead_at_index\` (\`replayed_at\`, \`dead_at\`);`);
    this.addSql(`alter table \`dead_letter\` add unique \`dead_letter_consumer_event_id_unique\` (\`consumer\`, \`event_id\`);`);

    this.addSql(`create table \`export_task\` (\`id\` varchar(36) not null, \`created_at\` datetime(3) not null, \`updated_at\` datetime(3) not null, \`tenant_id\` int null, \`owner_id\` varchar(36) not null, \`kind\` varchar(50) not null, \`filter\` json not null, \`requester\` json not null, \`status\` enum('pending','processing','completed','failed') not null default 'pending', \`progress\` int not null default 0, \`total_rows\` int null, \`file_name\` varchar(255) null, \`file_id\` varchar(36) null, \`error_message\` varchar(500) null, primary key (\`id\`)) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`export_task\` add index \`export_task_tenant_id_index\` (\`tenant_id\`);`);
    this.addSql(`alter table \`export_task\` add index \`export_task_status_index\` (\`status\`);`);

    this.addSql(`create table \`outbox_event\` (\`id\` varchar(36) not null, \`topic\` varchar(200) not null, \`aggregate_id\` varchar(36) null, \`payload\` json not null, \`tenant_id\` varchar(36) null, \`occurred_at\` datetime(3) not null, \`published_at\` datetime(3) null, \`attempts\` int not null default 0, primary key (\`id\`)) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`outbox_event\` add index \`outbox_event_published_at_occurred_at_index\` (\`published_at\`, \`occurred_at\`);`);

    this.addSql(`create table \`outbox_lease\` (\`name\` varchar(100) not null, \`holder\` varchar(100) not null, \`expires_at\` datetime(3) not null, primary key (\`name\`)) default character set utf8mb4 engine = InnoDB;`);

    this.addSql(`create table \`processed_event\` (\`consumer\` varchar(100) not null, \`event_id\` varchar(36) not null, \`processed_at\` datetime(3) not null, primary key (\`consumer\`, \`event_id\`)) default character set utf8mb4 engine = InnoDB;`);

    this.addSql(`create table \`stored_file\` (\`id\` varchar(36) not null, \`created_at\` datetime(3) not null, \`updated_at\` datetime(3) not null, \`tenant_id\` int null, \`owner_id\` varchar(36) not null, \`category\` enum('avatar','document','export') not null, \`original_name\` varchar(255) not null, \`content_type\` varchar(200) not null, \`size\` int not null, \`sha256\` varchar(64) not null, \`storage_key\` varchar(300) not null, primary key (\`id\`)) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`stored_file\` add index \`stored_file_tenant_id_index\` (\`tenant_id\`);`);
    this.addSql(`alter table \`stored_file\` add index \`stored_file_owner_id_category_index\` (\`owner_id\`, \`category\`);`);
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
