import { Migration } from '@mikro-orm/migrations';

/** The directory of identity's users that sendNotification checks recipients against (kit checkForeignRef). */
export class Migration20261204183236 extends Migration {

  override name = 'Migration20261204183236';

  override up(): void | Promise<void> {
    this.addSql(`create table \`foreign_ref\` (\`entity\` text not null, \`ref_id\` text not null, \`tenant_id\` text null, \`present\` integer not null, \`as_of\` datetime not null, primary key (\`entity\`, \`ref_id\`));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists \`foreign_ref\`;`);
  }

}
