import { Migration } from '@mikro-orm/migrations';

export class Migration20261204221305 extends Migration {

  override name = 'Migration20261204221305';

  override up(): void | Promise<void> {
    this.addSql(`create unique index \`export_task_file_name_unique\` on \`export_task\` (\`file_name\`);`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index \`export_task_file_name_unique\`;`);
  }

}
