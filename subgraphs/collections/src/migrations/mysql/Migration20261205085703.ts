import { Migration } from '@mikro-orm/migrations';

export class Migration20261205085703 extends Migration {

  override name = 'Migration20261205085703';

  override up(): void | Promise<void> {
    this.addSql(`alter table \`ptp\` add index \`ptp_promise_status_promise_date_index\` (\`promise_status\`, \`promise_date\`);`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table \`ptp\` drop index \`ptp_promise_status_promise_date_index\`;`);
  }

}
