import { Migration } from '@mikro-orm/migrations';

export class Migration20261205062818 extends Migration {

  override name = 'Migration20261205062818';

  override up(): void | Promise<void> {
    this.addSql(`create table \`app_feedback\` (\`id\` int unsigned not null auto_increment primary key, \`created_at\` datetime(3) not null, \`updated_at\` datetime(3) not null, \`tenant_id\` int not null, \`user_id\` varchar(64) not null, \`collector_id\` int null, \`feedback_type\` varchar(16) not null, \`title\` varchar(200) not null, \`content\` text not null, \`images\` json not null, \`device_info\` json null) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`app_feedback\` add index \`app_feedback_tenant_id_index\` (\`tenant_id\`);`);
    this.addSql(`alter table \`app_feedback\` add index \`app_feedback_tenant_id_created_at_index\` (\`tenant_id\`, \`created_at\`);`);

    this.addSql(`create table \`knowledge_article\` (\`id\` int unsigned not null auto_increment primary key, \`created_at\` datetime(3) not null, \`updated_at\` datetime(3) not null, \`tenant_id\` int not null, \`kind\` varchar(16) not null, \`title\` varchar(200) not null, \`content\` text not null, \`category\` varchar(50) null, \`scenario\` varchar(50) null, \`tips\` varchar(1000) null, \`keywords\` varchar(500) null, \`sort_order\` int not null default 0, \`use_count\` int not null default 0, \`is_active\` tinyint(1) not null default true) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`knowledge_article\` add index \`knowledge_article_tenant_id_index\` (\`tenant_id\`);`);
    this.addSql(`alter table \`knowledge_article\` add index \`knowledge_article_tenant_id_kind_sort_order_index\` (\`tenant_id\`, \`kind\`, \`sort_order\`);`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists \`app_feedback\`;`);
    this.addSql(`drop table if exists \`knowledge_article\`;`);
  }

}
