import { Migration } from '@mikro-orm/migrations';

export class Migration20261205063237 extends Migration {

  override name = 'Migration20261205063237';

  override up(): void | Promise<void> {
    this.addSql(`create table \`payment_link\` (\`id\` int unsigned not null auto_increment primary key, \`created_at\` datetime(3) not null, \`updated_at\` datetime(3) not null, \`tenant_id\` int not null, \`link_code\` varchar(32) not null, \`case_id\` int not null, \`collector_id\` int null, \`agency_id\` int null, \`team_id\` int null, \`amount\` bigint not null, \`currency\` varchar(3) not null, \`expires_at\` datetime(3) not null, \`provider\` varchar(32) not null, \`provider_ref\` varchar(1000) not null, \`payment_url\` varchar(1000) not null, \`qr_code_url\` varchar(1000) null, \`paid_at\` datetime(3) null, \`repayment_row_id\` int null, \`status\` varchar(16) not null default 'active') default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`payment_link\` add index \`payment_link_tenant_id_index\` (\`tenant_id\`);`);
    this.addSql(`alter table \`payment_link\` add index \`payment_link_tenant_id_case_id_created_at_index\` (\`tenant_id\`, \`case_id\`, \`created_at\`);`);
    this.addSql(`alter table \`payment_link\` add unique \`payment_link_link_code_unique\` (\`link_code\`);`);

    this.addSql(`alter table \`ptp\` add \`actual_repayment_date\` varchar(10) null, add \`actual_repayment_amount\` bigint null, add \`expired_at\` datetime(3) null, add \`due_reminded_at\` datetime(3) null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists \`payment_link\`;`);

    this.addSql(`alter table \`ptp\` drop column \`actual_repayment_date\`, drop column \`actual_repayment_amount\`, drop column \`expired_at\`, drop column \`due_reminded_at\`;`);
  }

}
