import { Migration } from '@mikro-orm/migrations';

/**
 * The kit's bases: notifications gain updated_at (existing rows take their created_at) and an integer, indexed
 * tenant_id (the caller's tenant id was stored as its string of digits).
 */
export class Migration20261121122128 extends Migration {

  override name = 'Migration20261121122128';

  override up(): void | Promise<void> {
    this.addSql(`alter table \`notification\` add \`updated_at\` datetime(3) null;`);
    this.addSql(`update \`notification\` set \`updated_at\` = \`created_at\`;`);
    this.addSql(`alter table \`notification\` modify \`updated_at\` datetime(3) not null;`);
    this.addSql(`alter table \`notification\` modify \`tenant_id\` int not null;`);
    this.addSql(`alter table \`notification\` add index \`notification_tenant_id_index\` (\`tenant_id\`);`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table \`notification\` drop index \`notification_tenant_id_index\`;`);
    this.addSql(`alter table \`notification\` drop column \`updated_at\`;`);
    this.addSql(`alter table \`notification\` modify \`tenant_id\` varchar(36) not null;`);
  }

}
