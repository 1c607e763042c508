import { Migration } from '@mikro-orm/migrations';

export class Migration20261205014834 extends Migration {

  override name = 'Migration20261205014834';

  override up(): void | Promise<void> {
    this.addSql(`create table \`partner_push_batch\` (\`id\` integer not null primary key autoincrement, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`tenant_id\` integer not null, \`push_batch_no\` text not null, \`received_at\` datetime not null, \`total\` integer not null, \`success\` integer not null, \`failed\` integer not null, \`errors\` json not null);`);
    this.addSql(`create index \`partner_push_batch_tenant_id_index\` on \`partner_push_batch\` (\`tenant_id\`);`);
    this.addSql(`create unique index \`partner_push_batch_tenant_id_push_batch_no_unique\` on \`partner_push_batch\` (\`tenant_id\`, \`push_batch_no\`);`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists \`partner_push_batch\`;`);
  }

}
