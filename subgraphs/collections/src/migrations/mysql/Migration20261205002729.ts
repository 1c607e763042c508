import { Migration } from '@mikro-orm/migrations';

export class Migration20261205002729 extends Migration {

  override name = 'Migration20261205002729';

  override up(): void | Promise<void> {
    this.addSql(`alter table \`collector\` add \`mobile\` varchar(50) null, add \`disabled_reason\` varchar(255) null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table \`collector\` drop column \`mobile\`, drop column \`disabled_reason\`;`);
  }

}
