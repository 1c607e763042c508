import { Migration } from '@mikro-orm/migrations';

/** The kit's outbox tables (user.created); libSQL timestamps keep milliseconds already. */
export class Migration20261121122118 extends Migration {

  override name = 'Migration20261121122118';

  override up(): void | Promise<void> {
    this.addSql(`create table \`outbox_event\` (\`id\` text not null primary key, \`topic\` text not null, \`aggregate_id\` text null, \`payload\` json not null, \`tenant_id\` text null, \`occurred_at\` datetime not null, \`published_at\` datetime null, \`attempts\` integer not null default 0);`);
    this.addSql(`create index \`outbox_event_published_at_occurred_at_index\` on \`outbox_event\` (\`published_at\`, \`occurred_at\`);`);

    this.addSql(`create table \`processed_event\` (\`consumer\` text not null, \`event_id\` text not null, \`processed_at\` datetime not null, primary key (\`consumer\`, \`event_id\`));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists \`outbox_event\`;`);
    this.addSql(`drop table if exists \`processed_event\`;`);
  }

}
