import { Migration } from '@mikro-orm/migrations';

export class Migration20261205063239 extends Migration {

  override name = 'Migration20261205063239';

  override up(): void | Promise<void> {
    this.addSql(`create table \`payment_link\` (\`id\` integer not null primary key autoincrement, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`tenant_id\` integer not null, \`link_code\` text not null, \`case_id\` integer not null, \`collector_id\` integer null, \`agency_id\` integer null, \`team_id\` integer null, \`amount\` bigint not null, \`currency\` text not null, \`expires_at\` datetime not null, \`provider\` text not null, \`provider_ref\` text not null, \`payment_url\` text not null, \`qr_code_url\` text null, \`paid_at\` datetime null, \`repayment_row_id\` integer null, \`status\` text not null default 'active');`);
    this.addSql(`create index \`payment_link_tenant_id_index\` on \`payment_link\` (\`tenant_id\`);`);
    this.addSql(`create index \`payment_link_tenant_id_case_id_created_at_index\` on \`payment_link\` (\`tenant_id\`, \`case_id\`, \`created_at\`);`);
    this.addSql(`create unique index \`payment_link_link_code_unique\` on \`payment_link\` (\`link_code\`);`);

    this.addSql(`alter table \`ptp\` add column \`actual_repayment_date\` text null;`);
    this.addSql(`alter table \`ptp\` add column \`actual_repayment_amount\` bigint null;`);
    this.addSql(`alter table \`ptp\` add column \`expired_at\` datetime null;`);
    this.addSql(`alter table \`ptp\` add column \`due_reminded_at\` datetime null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists \`payment_link\`;`);

    this.addSql(`alter table \`ptp\` drop column \`actual_repayment_date\`;`);
    this.addSql(`alter table \`ptp\` drop column \`actual_repayment_amount\`;`);
    this.addSql(`alter table \`ptp\` drop column \`expired_at\`;`);
    this.addSql(`alter table \`ptp\` drop column \`due_reminded_at\`;`);
  }

}
