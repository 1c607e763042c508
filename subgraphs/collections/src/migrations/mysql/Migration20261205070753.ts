import { Migration } from '@mikro-orm/migrations';

export class Migration20261205070753 extends Migration {

  override name = 'Migration20261205070753';

  override up(): void | Promise<void> {
    this.addSql(`alter table \`collection_case\` add index \`collection_case_tenant_id_collector_id_last_contact_at_index\` (\`tenant_id\`, \`collector_id\`, \`last_contact_at\`);`);
    this.addSql(`alter table \`collection_case\` add index \`collection_case_tenant_id_collector_id_outstanding_amount_index\` (\`tenant_id\`, \`collector_id\`, \`outstanding_amount\`);`);
    this.addSql(`alter table \`collection_case\` add index \`collection_case_tenant_id_collector_id_overdue_days_index\` (\`tenant_id\`, \`collector_id\`, \`overdue_days\`);`);

    this.addSql(`alter table \`communication\` add index \`communication_tenant_id_case_id_next_follow_up_at_index\` (\`tenant_id\`, \`case_id\`, \`next_follow_up_at\`);`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table \`collection_case\` drop index \`collection_case_tenant_id_collector_id_last_contact_at_index\`;`);
    this.addSql(`alter table \`collection_case\` drop index \`collection_case_tenant_id_collector_id_outstanding_amount_index\`;`);
    this.addSql(`alter table \`collection_case\` drop index \`collection_case_tenant_id_collector_id_overdue_days_index\`;`);

    this.addSql(`alter table \`communication\` drop index \`communication_tenant_id_case_id_next_follow_up_at_index\`;`);
  }

}
