import { Migration } from '@mikro-orm/migrations';

export class Migration20261205014834 extends Migration {

  override name = 'Migration20261205014834';

  override up(): void | Promise<void> {
    this.addSql(`create table \`partner_push_batch\` (\`id\` int unsigned not null auto_increment primary key, \`created_at\` datetime(3) not null, \`updated_at\` datetime(3) not null, \`tenant_id\` int not null, \`push_batch_no\` varchar(64) not null, \`received_at\` datetime not null, \`total\` int not null, \`success\` int not null, \`failed\` int not null, \`errors\` json not null) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`partner_push_batch\` add index \`partner_push_batch_tenant_id_index\` (\`tenant_id\`);`);
    this.addSql(`alter table \`partner_push_batch\` add unique \`partner_push_batch_tenant_id_push_batch_no_unique\` (\`tenant_id\`, \`push_batch_no\`);`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists \`partner_push_batch\`;`);
  }

}
