import { Migration } from '@mikro-orm/migrations';

export class Migration20261121120035 extends Migration {

  override name = 'Migration20261121120035';

  override up(): void | Promise<void> {
    this.addSql(`create table \`api_credential\` (\`id\` integer not null primary key autoincrement, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`tenant_id\` integer null, \`api_key\` text not null, \`secret_ciphertext\` text not null, \`name\` text null, \`is_active\` integer not null default true, \`last_used_at\` datetime null, \`revoked_at\` datetime null);`);
    this.addSql(`create index \`api_credential_tenant_id_index\` on \`api_credential\` (\`tenant_id\`);`);
    this.addSql(`create unique index \`api_credential_api_key_unique\` on \`api_credential\` (\`api_key\`);`);

    this.addSql(`create table \`menu\` (\`id\` integer not null primary key autoincrement, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`tenant_id\` integer null, \`name\` text not null, \`code\` text not null, \`path\` text null, \`icon\` text null, \`parent_id\` integer null, \`sort_order\` integer not null default 0, \`permission\` text null, \`is_visible\` integer not null default true, constraint \`menu_parent_id_foreign\` foreign key (\`parent_id\`) references \`menu\` (\`id\`) on delete set null);`);
    this.addSql(`create index \`menu_tenant_id_index\` on \`menu\` (\`tenant_id\`);`);
    this.addSql(`create index \`menu_parent_id_index\` on \`menu\` (\`parent_id\`);`);
    this.addSql(`create unique index \`menu_tenant_id_code_unique\` on \`menu\` (\`tenant_id\`, \`code\`);`);

    this.addSql(`create table \`position\` (\`id\` integer not null primary key autoincrement, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`tenant_id\` integer null, \`name\` text not null, \`code\` text not null, \`description\` text null, \`level\` integer not null, \`department\` text null, \`parent_id\` integer null, constraint \`position_parent_id_foreign\` foreign key (\`parent_id\`) references \`position\` (\`id\`) on delete set null);`);
    this.addSql(`create index \`position_tenant_id_index\` on \`position\` (\`tenant_id\`);`);
    this.addSql(`create index \`position_parent_id_index\` on \`position\` (\`parent_id\`);`);
    this.addSql(`create unique index \`position_tenant_id_code_unique\` on \`position\` (\`tenant_id\`, \`code\`);`);

    this.addSql(`create table \`role\` (\`id\` integer not null primary key autoincrement, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`tenant_id\` integer null, \`code\` text not null, \`name\` text not null, \`description\` text null, \`direct_permissions\` text not null, \`data_scope\` text not null default 'tenant', \`is_system\` integer not null default false);`);
    this.addSql(`create index \`role_tenant_id_index\` on \`role\` (\`tenant_id\`);`);
    this.addSql(`create unique index \`role_tenant_id_code_unique\` on \`role\` (\`tenant_id\`, \`code\`);`);

    this.addSql(`create table \`role_menu_grant\` (\`id\` integer not null primary key autoincrement, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`tenant_id\` integer null, \`role_id\` integer not null, \`menu_id\` integer not null, \`actions\` text not null, constraint \`role_menu_grant_role_id_foreign\` foreign key (\`role_id\`) references \`role\` (\`id\`) on delete cascade, constraint \`role_menu_grant_menu_id_foreign\` foreign key (\`menu_id\`) references \`menu\` (\`id\`) on delete cascade);`);
    this.addSql(`create index \`role_menu_grant_tenant_id_index\` on \`role_menu_grant\` (\`tenant_id\`);`);
    this.addSql(`create index \`role_menu_grant_role_id_index\` on \`role_menu_grant\` (\`role_id\`);`);
    this.addSql(`create index \`role_menu_grant_menu_id_index\` on \`role_menu_grant\` (\`menu_id\`);`);
    this.addSql(`create unique index \`role_menu_grant_role_id_menu_id_unique\` on \`role_menu_grant\` (\`role_id\`, \`menu_id\`);`);

    this.addSql(`create table \`tenant\` (\`id\` integer not null primary key autoincrement, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`code\` text not null, \`name\` text not null, \`name_en\` text null, \`country_code\` text null, \`timezone\` integer null, \`zone\` text not null default 'UTC', \`currency_code\` text null, \`is_active\` integer not null default true, \`allow_registration\` integer not null default true, \`deleted_at\` datetime null);`);
    this.addSql(`create unique index \`tenant_code_unique\` on \`tenant\` (\`code\`);`);

    this.addSql(`create table \`user\` (\`id\` integer not null primary key autoincrement, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`tenant_id\` integer null, \`username\` text not null, \`email\` text null, \`password_hash\` text not null, \`full_name\` text null, \`status\` text not null default 'active', \`position_id\` integer null, \`last_login_at\` datetime null, \`deleted_at\` datetime null, constraint \`user_position_id_foreign\` foreign key (\`position_id\`) references \`position\` (\`id\`) on delete set null);`);
    this.addSql(`create index \`user_tenant_id_index\` on \`user\` (\`tenant_id\`);`);
    this.addSql(`create unique index \`user_username_unique\` on \`user\` (\`username\`);`);
    this.addSql(`create unique index \`user_email_unique\` on \`user\` (\`email\`);`);
    this.addSql(`create index \`user_position_id_index\` on \`user\` (\`position_id\`);`);

    this.addSql(`create table \`session\` (\`id\` integer not null primary key autoincrement, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`tenant_id\` integer null, \`user_id\` integer not null, \`channel\` text not null, \`device_id\` text null, \`device_name\` text null, \`sid\` text not null, \`family\` text not null, \`refresh_hash\` text not null, \`refresh_expires_at\` datetime not null, \`last_seen_at\` datetime not null, \`revoked_at\` datetime null, \`revoke_reason\` text null, constraint \`session_user_id_foreign\` foreign key (\`user_id\`) references \`user\` (\`id\`) on delete cascade);`);
    this.addSql(`create index \`session_tenant_id_index\` on \`session\` (\`tenant_id\`);`);
    this.addSql(`create index \`session_user_id_index\` on \`session\` (\`user_id\`);`);
    this.addSql(`create unique index \`session_sid_unique\` on \`session\` (\`sid\`);`);
    this.addSql(`create unique index \`session_family_unique\` on \`session\` (\`family\`);`);

    this.addSql(`create table \`user_role\` (\`id\` integer not null primary key autoincrement, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`tenant_id\` integer null, \`user_id\` integer not null, \`role_id\` integer not null, constraint \`user_role_user_id_foreign\` foreign key (\`user_id\`) references \`user\` (\`id\`) on delete cascade, constraint \`user_role_role_id_foreign\` foreign key (\`role_id\`) references \`role\` (\`id\`));`);
    this.addSql(`create index \`user_role_tenant_id_index\` on \`user_role\` (\`tenant_id\`);`);
    this.addSql(`create index \`user_role_user_id_index\` on \`user_role\` (\`user_id\`);`);
    this.addSql(`create index \`user_role_role_id_index\` on \`user_role\` (\`role_id\`);`);
    this.addSql(`create unique index \`user_role_user_id_role_id_unique\` on \`user_role\` (\`user_id\`, \`role_id\`);`);
  }

  override down(): void | Promise<void> {

    this.addSql(`drop table if exists \`api_credential\`;`);
    this.addSql(`drop table if exists \`menu\`;`);
    this.addSql(`drop table if exists \`position\`;`);
    this.addSql(`drop table if exists \`role\`;`);
    this.addSql(`drop table if exists \`role_menu_grant\`;`);
    this.addSql(`drop table if exists \`tenant\`;`);
    this.addSql(`drop table if exists \`user\`;`);
    this.addSql(`drop table if exists \`session\`;`);
    this.addSql(`drop table if exists \`user_role\`;`);
  }

}
