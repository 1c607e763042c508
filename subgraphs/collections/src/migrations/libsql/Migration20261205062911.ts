import { Migration } from '@mikro-orm/migrations';

export class Migration20261205062911 extends Migration {

  override name = 'Migration20261205062911';

  override up(): void | Promise<void> {
    this.addSql(`drop index \`communication_tenant_id_client_id_unique\`;`);
    this.addSql(`create unique index \`communication_tenant_id_collector_id_client_id_unique\` on \`communication\` (\`tenant_id\`, \`collector_id\`, \`client_id\`);`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index \`communication_tenant_id_collector_id_client_id_unique\`;`);
    this.addSql(`create unique index \`communication_tenant_id_client_id_unique\` on \`communication\` (\`tenant_id\`, \`client_id\`);`);
  }

}
