import { Migration } from '@mikro-orm/migrations';

export class Migration20261205002226 extends Migration {

  override name = 'Migration20261205002226';

  override up(): void | Promise<void> {
    this.addSql(`alter table \`repayment\` add column \`outstanding_after\` bigint null;`);
    this.addSql(`alter table \`repayment\` add column \`case_status_after\` text null;`);
    this.addSql(`alter table \`repayment\` add column \`ptp_id\` integer null;`);
    this.addSql(`alter table \`repayment\` add column \`ptp_status_after\` text null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table \`repayment\` drop column \`outstanding_after\`;`);
    this.addSql(`alter table \`repayment\` drop column \`case_status_after\`;`);
    this.addSql(`alter table \`repayment\` drop column \`ptp_id\`;`);
    this.addSql(`alter table \`repayment\` drop column \`ptp_status_after\`;`);
  }

}
