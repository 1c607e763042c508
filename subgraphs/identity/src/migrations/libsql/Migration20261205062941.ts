import { Migration } from '@mikro-orm/migrations';

export class Migration20261205062941 extends Migration {

  override name = 'Migration20261205062941';

  override up(): void | Promise<void> {
    this.addSql(`alter table \`user\` add column \`face_template\` text null;`);
    this.addSql(`alter table \`user\` add column \`face_bound_at\` datetime null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table \`user\` drop column \`face_template\`;`);
    this.addSql(`alter table \`user\` drop column \`face_bound_at\`;`);
  }

}
