import { Migration } from '@mikro-orm/migrations';

export class Migration20261205033348 extends Migration {

  override name = 'Migration20261205033348';

  override up(): void | Promise<void> {
    this.addSql(`create table \`integration_delivery\` (\`id\` integer not null primary key autoincrement, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`tenant_id\` integer not null, \`case_id\` integer not null, \`case_code\` text not null, \`kind\` text not null, \`target_path\` text not null, \`body\` json not null, \`source_event_id\` text null, \`status\` text not null default 'pending', \`attempts\` integer not null default 0, \`next_attempt_at\` datetime not null, \`last_error\` text null, \`delivered_at\` datetime null, \`claimed_until\` datetime null, \`claim_token\` text null);`);
    this.addSql(`create index \`integration_delivery_tenant_id_status_id_index\` on \`integration_delivery\` (\`tenant_id\`, \`status\`, \`id\`);`);
    this.addSql(`create index \`integration_delivery_tenant_id_case_id_status_index\` on \`integration_delivery\` (\`tenant_id\`, \`case_id\`, \`status\`);`);
    this.addSql(`create index \`integration_delivery_status_next_attempt_at_index\` on \`integration_delivery\` (\`status\`, \`next_attempt_at\`);`);

    this.addSql(`create table \`tenant_integration\` (\`id\` integer not null primary key autoincrement, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`tenant_id\` integer not null, \`core_base_url\` text not null, \`ip_whitelist\` json not null, \`auth_kind\` text not null, \`auth_id\` text not null, \`secret_ciphertext\` text not null, \`token_url\` text null, \`scope\` text null);`);
    this.addSql(`create index \`tenant_integration_tenant_id_index\` on \`tenant_integration\` (\`tenant_id\`);`);
    this.addSql(`create unique index \`tenant_integration_tenant_id_unique\` on \`tenant_integration\` (\`tenant_id\`);`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists \`integration_delivery\`;`);
    this.addSql(`drop table if exists \`tenant_integration\`;`);
  }

}
