import { Migration } from '@mikro-orm/migrations';

export class Migration20261205002729 extends Migration {

  override name = 'Migration20261205002729';

  override up(): void | Promise<void> {
    this.addSql(`alter table \`collector\` add column \`mobile\` text null;`);
    this.addSql(`alter table \`collector\` add column \`disabled_reason\` text null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table \`collector\` drop column \`mobile\`;`);
    this.addSql(`alter table \`collector\` drop column \`disabled_reason\`;`);
  }

}
