import { Migration } from '@mikro-orm/migrations';

/** The directory of identity's users that sendNotification checks recipients against (kit checkForeignRef). */
export class Migration20261204183236 extends Migration {

  override name = 'Migration20261204183236';

  override up(): void | Promise<void> {
    this.addSql(`create table \`foreign_ref\` (\`entity\` varchar(50) not null, \`ref_id\` varchar(36) not null, \`tenant_id\` varchar(36) null, \`present\` tinyint(1) not null, \`as_of\` datetime(3) not null, primary key (\`entity\`, \`ref_id\`)) default character set utf8mb4 engine = InnoDB;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists \`foreign_ref\`;`);
  }

}
