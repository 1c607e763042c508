import { Migration } from '@mikro-orm/migrations';

export class Migration20261205062819 extends Migration {

  override name = 'Migration20261205062819';

  override up(): void | Promise<void> {
    this.addSql(`create table \`app_feedback\` (\`id\` integer not null primary key autoincrement, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`tenant_id\` integer not null, \`user_id\` text not null, \`collector_id\` integer null, \`feedback_type\` text not null, \`title\` text not null, \`content\` text not null, \`images\` json not null, \`device_info\` json null);`);
    this.addSql(`create index \`app_feedback_tenant_id_index\` on \`app_feedback\` (\`tenant_id\`);`);
    this.addSql(`create index \`app_feedback_tenant_id_created_at_index\` on \`app_feedback\` (\`tenant_id\`, \`created_at\`);`);

    this.addSql(`create table \`knowledge_article\` (\`id\` integer not null primary key autoincrement, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`tenant_id\` integer not null, \`kind\` text not null, \`title\` text not null, \`content\` text not null, \`category\` text null, \`scenario\` text null, \`tips\` text null, \`keywords\` text null, \`sort_order\` integer not null default 0, \`use_count\` integer not null default 0, \`is_active\` integer not null default true);`);
    this.addSql(`create index \`knowledge_article_tenant_id_index\` on \`knowledge_article\` (\`tenant_id\`);`);
    this.addSql(`create index \`knowledge_article_tenant_id_kind_sort_order_index\` on \`knowledge_article\` (\`tenant_id\`, \`kind\`, \`sort_order\`);`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists \`app_feedback\`;`);
    this.addSql(`drop table if exists \`knowledge_article\`;`);
  }

}
