import { Migration } from '@mikro-orm/migrations';

/** The kit's event tables: the relay lease (one publishing relay per database) and consumers' dead letters. */
export class Migration20261204183620 extends Migration {

  override name = 'Migration20261204183620';

  override up(): void | Promise<void> {
    this.addSql(`create table \`dead_letter\` (\`id\` varchar(36) not null, \`consumer\` varchar(100) not null, \`event_id\` varchar(36) not null, \`topic\` varchar(200) not null, \`payload\` json not null, \`tenant_id\` varchar(36) null, \`aggregate_id\` varchar(36) null, \`occurred_at\` datetime(3) not null, \`attempts\` int not null, \`last_error\` text not null, \`dead_at\` datetime(3) not null, \`replayed_at\` datetime(3) null, primary key (\`id\`)) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`dead_letter\` add index \`dead_letter_replayed_at_dead_at_index\` (\`replayed_at\`, \`dead_at\`);`);
    this.addSql(`alter table \`dead_letter\` add unique \`dead_letter_consumer_event_id_unique\` (\`consumer\`, \`event_id\`);`);

    this.addSql(`create table \`outbox_lease\` (\`name\` varchar(100) not null, \`holder\` varchar(100) not null, \`expires_at\` datetime(3) not null, primary key (\`name\`)) default character set utf8mb4 engine = InnoDB;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists \`dead_letter\`;`);
    this.addSql(`drop table if exists \`outbox_lease\`;`);
  }

}
