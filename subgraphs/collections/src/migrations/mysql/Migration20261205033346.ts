import { Migration } from '@mikro-orm/migrations';

export class Migration20261205033346 extends Migration {

  override name = 'Migration20261205033346';

  override up(): void | Promise<void> {
    this.addSql(`create table \`integration_delivery\` (\`id\` int unsigned not null auto_increment primary key, \`created_at\` datetime(3) not null, \`updated_at\` datetime(3) not null, \`tenant_id\` int not null, \`case_id\` int not null, \`case_code\` varchar(64) not null, \`kind\` varchar(32) not null, \`target_path\` varchar(200) not null, \`body\` json not null, \`source_event_id\` varchar(64) null, \`status\` varchar(16) not null default 'pending', \`attempts\` int not null default 0, \`next_attempt_at\` datetime(3) not null, \`last_error\` text null, \`delivered_at\` datetime(3) null, \`claimed_until\` datetime(3) null, \`claim_token\` varchar(36) null) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`integration_delivery\` add index \`integration_delivery_tenant_id_status_id_index\` (\`tenant_id\`, \`status\`, \`id\`);`);
    this.addSql(`alter table \`integration_delivery\` add index \`integration_delivery_tenant_id_case_id_status_index\` (\`tenant_id\`, \`case_id\`, \`status\`);`);
    this.addSql(`alter table \`integration_delivery\` add index \`integration_delivery_status_next_attempt_at_index\` (\`status\`, \`next_attempt_at\`);`);

    this.addSql(`create table \`tenant_integration\` (\`id\` int unsigned not null auto_increment primary key, \`created_at\` datetime(3) not null, \`updated_at\` datetime(3) not null, \`tenant_id\` int not null, \`core_base_url\` varchar(500) not null, \`ip_whitelist\` json not null, \`auth_kind\` varchar(16) not null, \`auth_id\` varchar(200) not null, \`secret_ciphertext\` text not null, \`token_url\` varchar(500) null, \`scope\` varchar(200) null) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`tenant_integration\` add index \`tenant_integration_tenant_id_index\` (\`tenant_id\`);`);
    this.addSql(`alter table \`tenant_integration\` add unique \`tenant_integration_tenant_id_unique\` (\`tenant_id\`);`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists \`integration_delivery\`;`);
    this.addSql(`drop table if exists \`tenant_integration\`;`);
  }

}
