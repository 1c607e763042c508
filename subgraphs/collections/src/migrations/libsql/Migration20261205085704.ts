import { Migration } from '@mikro-orm/migrations';

export class Migration20261205085704 extends Migration {

  override name = 'Migration20261205085704';

  override up(): void | Promise<void> {
    this.addSql(`create index \`ptp_promise_status_promise_date_index\` on \`ptp\` (\`promise_status\`, \`promise_date\`);`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index \`ptp_promise_status_promise_date_index\`;`);
  }

}
