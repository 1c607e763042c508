import { Migration } from '@mikro-orm/migrations';

export class Migration20261205062940 extends Migration {

  override name = 'Migration20261205062940';

  override up(): void | Promise<void> {
    this.addSql(`alter table \`user\` add \`face_template\` text null, add \`face_bound_at\` datetime null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table \`user\` drop column \`face_template\`, drop column \`face_bound_at\`;`);
  }

}
