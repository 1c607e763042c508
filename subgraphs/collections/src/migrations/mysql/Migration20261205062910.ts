import { Migration } from '@mikro-orm/migrations';

export class Migration20261205062910 extends Migration {

  override name = 'Migration20261205062910';

  override up(): void | Promise<void> {
    this.addSql(`alter table \`communication\` drop index \`communication_tenant_id_client_id_unique\`;`);
    this.addSql(`alter table \`communication\` add unique \`communication_tenant_id_collector_id_client_id_unique\` (\`tenant_id\`, \`collector_id\`, \`client_id\`);`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table \`communication\` drop index \`communication_tenant_id_collector_id_client_id_unique\`;`);
    this.addSql(`alter table \`communication\` add unique \`communication_tenant_id_client_id_unique\` (\`tenant_id\`, \`client_id\`);`);
  }

}
