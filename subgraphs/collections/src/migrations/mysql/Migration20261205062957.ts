import { Migration } from '@mikro-orm/migrations';

export class Migration20261205062957 extends Migration {

  override name = 'Migration20261205062957';

  override up(): void | Promise<void> {
    this.addSql(`alter table \`collector\` add \`work_status\` varchar(16) not null default 'offline', add \`work_status_at\` datetime(3) null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table \`collector\` drop column \`work_status\`, drop column \`work_status_at\`;`);
  }

}
