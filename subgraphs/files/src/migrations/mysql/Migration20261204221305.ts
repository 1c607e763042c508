import { Migration } from '@mikro-orm/migrations';

export class Migration20261204221305 extends Migration {

  override name = 'Migration20261204221305';

  override up(): void | Promise<void> {
    this.addSql(`alter table \`export_task\` add unique \`export_task_file_name_unique\` (\`file_name\`);`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table \`export_task\` drop index \`export_task_file_name_unique\`;`);
  }

}
