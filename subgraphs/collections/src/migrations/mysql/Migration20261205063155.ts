import { Migration } from '@mikro-orm/migrations';

export class Migration20261205063155 extends Migration {

  override name = 'Migration20261205063155';

  override up(): void | Promise<void> {
    this.addSql(`alter table \`ptp\` add \`actual_repayment_date\` varchar(10) null, add \`actual_repayment_amount\` bigint null, add \`expired_at\` datetime(3) null, add \`due_reminded_at\` datetime(3) null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table \`ptp\` drop column \`actual_repayment_date\`, drop column \`actual_repayment_amount\`, drop column \`expired_at\`, drop column \`due_reminded_at\`;`);
  }

}
