import { Migration } from '@mikro-orm/migrations';

export class Migration20261205070754 extends Migration {

  override name = 'Migration20261205070754';

  override up(): void | Promise<void> {
    this.addSql(`create index \`collection_case_tenant_id_collector_id_last_contact_at_index\` on \`collection_case\` (\`tenant_id\`, \`collector_id\`, \`last_contact_at\`);`);
    this.addSql(`create index \`collection_case_tenant_id_collector_id_outstanding_amount_index\` on \`collection_case\` (\`tenant_id\`, \`collector_id\`, \`outstanding_amount\`);`);
    this.addSql(`create index \`collection_case_tenant_id_collector_id_overdue_days_index\` on \`collection_case\` (\`tenant_id\`, \`collector_id\`, \`overdue_days\`);`);

    this.addSql(`create index \`communication_tenant_id_case_id_next_follow_up_at_index\` on \`communication\` (\`tenant_id\`, \`case_id\`, \`next_follow_up_at\`);`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index \`collection_case_tenant_id_collector_id_last_contact_at_index\`;`);
    this.addSql(`drop index \`collection_case_tenant_id_collector_id_outstanding_amount_index\`;`);
    this.addSql(`drop index \`collection_case_tenant_id_collector_id_overdue_days_index\`;`);

    this.addSql(`drop index \`communication_tenant_id_case_id_next_follow_up_at_index\`;`);
  }

}
