import { Migration } from '@mikro-orm/migrations';

/** The kit's event tables: the relay lease (one publishing relay per database) and consumers' dead letters. */
export class Migration20261204183614 extends Migration {

  override name = 'Migration20261204183614';

  override up(): void | Promise<void> {
    this.addSql(`create table \`dead_letter\` (\`id\` text not null primary key, \`consumer\` text not null, \`event_id\` text not null, \`topic\` text not null, \`payload\` json not null, \`tenant_id\` text null, \`aggregate_id\` text null, \`occurred_at\` datetime not null, \`attempts\` integer not null, \`last_error\` text not null, \`dead_at\` datetime not null, \`replayed_at\` datetime null);`);
    this.addSql(`create index \`dead_letter_replayed_at_dead_at_index\` on \`dead_letter\` (\`replayed_at\`, \`dead_at\`);`);
    this.addSql(`create unique index \`dead_letter_consumer_event_id_unique\` on \`dead_letter\` (\`consumer\`, \`event_id\`);`);

    this.addSql(`create table \`outbox_lease\` (\`name\` text not null primary key, \`holder\` text not null, \`expires_at\` datetime not null);`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists \`dead_letter\`;`);
    this.addSql(`drop table if exists \`outbox_lease\`;`);
  }

}
