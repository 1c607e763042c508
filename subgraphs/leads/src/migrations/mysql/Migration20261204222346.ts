import { Migration } from '@mikro-orm/migrations';

export class Migration20261204222346 extends Migration {

  override name = 'Migration20261204222346';

  override up(): void | Promise<void> {
    this.addSql(`alter table \`customer_lead\` add index \`customer_lead_tenant_id_source_platform_index\` (\`tenant_id\`, \`source_platform\`);`);
    this.addSql(`alter table \`customer_lead\` add index \`customer_lead_tenant_id_intention_level_index\` (\`tenant_id\`, \`intention_level\`);`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table \`customer_lead\` drop index \`customer_lead_tenant_id_source_platform_index\`;`);
    this.addSql(`alter table \`customer_lead\` drop index \`customer_lead_tenant_id_intention_level_index\`;`);
  }

}
