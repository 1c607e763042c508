import { Migration } from '@mikro-orm/migrations';

export class Migration20261205002224 extends Migration {

  override name = 'Migration20261205002224';

  override up(): void | Promise<void> {
    this.addSql(`alter table \`repayment\` add \`outstanding_after\` bigint null, add \`case_status_after\` varchar(24) null, add \`ptp_id\` int null, add \`ptp_status_after\` varchar(16) null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table \`repayment\` drop column \`outstanding_after\`, drop column \`case_status_after\`, drop column \`ptp_id\`, drop column \`ptp_status_after\`;`);
  }

}
