import { Migration } from '@mikro-orm/migrations';

export class Migration20261121121005 extends Migration {

  override name = 'Migration20261121121005';

  override up(): void | Promise<void> {
    this.addSql(`create table \`notification\` (\`id\` int unsigned not null auto_increment primary key, \`tenant_id\` varchar(36) not null, \`recipient_id\` varchar(36) not null, \`title\` varchar(200) not null, \`body\` text not null, \`category\` varchar(50) not null, \`is_read\` tinyint(1) not null default false, \`read_at\` datetime(3) null, \`created_at\` datetime(3) not null) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`notification\` add index \`notification_recipient_id_is_read_index\` (\`recipient_id\`, \`is_read\`);`);

    this.addSql(`create table \`outbox_event\` (\`id\` varchar(36) not null, \`topic\` varchar(200) not null, \`aggregate_id\` varchar(36) null, \`payload\` json not null, \`tenant_id\` varchar(36) null, \`occurred_at\` datetime(3) not null, \`published_at\` datetime(3) null, \`attempts\` int not null default 0, primary key (\`id\`)) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`outbox_event\` add index \`outbox_event_published_at_occurred_at_index\` (\`published_at\`, \`occurred_at\`);`);

    this.addSql(`create table \`processed_event\` (\`consumer\` varchar(100) not null, \`event_id\` varchar(36) not null, \`processed_at\` datetime(3) not null, primary key (\`consumer\`, \`event_id\`)) default character set utf8mb4 engine = InnoDB;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists \`notification\`;`);
    this.addSql(`drop table if exists \`outbox_event\`;`);
    this.addSql(`drop table if exists \`processed_event\`;`);
  }

}
