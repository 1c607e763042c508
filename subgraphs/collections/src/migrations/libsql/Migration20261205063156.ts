import { Migration } from '@mikro-orm/migrations';

export class Migration20261205063156 extends Migration {

  override name = 'Migration20261205063156';

  override up(): void | Promise<void> {
    this.addSql(`alter table \`ptp\` add column \`actual_repayment_date\` text null;`);
    this.addSql(`alter table \`ptp\` add column \`actual_repayment_amount\` bigint null;`);
    this.addSql(`alter table \`ptp\` add column \`expired_at\` datetime null;`);
    this.addSql(`alter table \`ptp\` add column \`due_reminded_at\` datetime null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table \`ptp\` drop column \`actual_repayment_date\`;`);
    this.addSql(`alter table \`ptp\` drop column \`actual_repayment_amount\`;`);
    this.addSql(`alter table \`ptp\` drop column \`expired_at\`;`);
    this.addSql(`alter table \`ptp\` drop column \`due_reminded_at\`;`);
  }

}
