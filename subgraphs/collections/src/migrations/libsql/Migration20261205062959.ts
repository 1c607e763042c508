import { Migration } from '@mikro-orm/migrations';

export class Migration20261205062959 extends Migration {

  override name = 'Migration20261205062959';

  override up(): void | Promise<void> {
    this.addSql(`alter table \`collector\` add column \`work_status\` text not null default 'offline';`);
    this.addSql(`alter table \`collector\` add column \`work_status_at\` datetime null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table \`collector\` drop column \`work_status\`;`);
    this.addSql(`alter table \`collector\` drop column \`work_status_at\`;`);
  }

}
