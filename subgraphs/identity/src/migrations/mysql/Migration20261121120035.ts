import { Migration } from '@mikro-orm/migrations';

export class Migration20261121120035 extends Migration {

  override name = 'Migration20261121120035';

  override up(): void | Promise<void> {
    this.addSql(`create table \`api_credential\` (\`id\` int unsigned not null auto_increment primary key, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`tenant_id\` int null, \`api_key\` varchar(64) not null, \`secret_ciphertext\` text not null, \`name\` varchar(128) null, \`is_active\` tinyint(1) not null default true, \`last_used_at\` datetime null, \`revoked_at\` datetime null) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`api_credential\` add index \`api_credential_tenant_id_index\` (\`tenant_id\`);`);
    this.addSql(`alter table \`api_credential\` add unique \`api_credential_api_key_unique\` (\`api_key\`);`);

    this.addSql(`create table \`menu\` (\`id\` int unsigned not null auto_increment primary key, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`tenant_id\` int null, \`name\` varchar(128) not null, \`code\` varchar(64) not null, \`path\` varchar(255) null, \`icon\` varchar(64) null, \`parent_id\` int unsigned null, \`sort_order\` int not null default 0, \`permission\` varchar(128) null, \`is_visible\` tinyint(1) not null default true) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`menu\` add index \`menu_tenant_id_index\` (\`tenant_id\`);`);
    this.addSql(`alter table \`menu\` add index \`menu_parent_id_index\` (\`parent_id\`);`);
    this.addSql(`alter table \`menu\` add unique \`menu_tenant_id_code_unique\` (\`tenant_id\`, \`code\`);`);

    this.addSql(`create table \`position\` (\`id\` int unsigned not null auto_increment primary key, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`tenant_id\` int null, \`name\` varchar(128) not null, \`code\` varchar(64) not null, \`description\` text null, \`level\` int not null, \`department\` varchar(128) null, \`parent_id\` int unsigned null) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`position\` add index \`position_tenant_id_index\` (\`tenant_id\`);`);
    this.addSql(`alter table \`position\` add index \`position_parent_id_index\` (\`parent_id\`);`);
    this.addSql(`alter table \`position\` add unique \`position_tenant_id_code_unique\` (\`tenant_id\`, \`code\`);`);

    this.addSql(`create table \`role\` (\`id\` int unsigned not null auto_increment primary key, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`tenant_id\` int null, \`code\` varchar(64) not null, \`name\` varchar(128) not null, \`description\` text null, \`direct_permissions\` text not null, \`data_scope\` varchar(16) not null default 'tenant', \`is_system\` tinyint(1) not null default false) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`role\` add index \`role_tenant_id_index\` (\`tenant_id\`);`);
    this.addSql(`alter table \`role\` add unique \`role_tenant_id_code_unique\` (\`tenant_id\`, \`code\`);`);

    this.addSql(`create table \`role_menu_grant\` (\`id\` int unsigned not null auto_increment primary key, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`tenant_id\` int null, \`role_id\` int unsigned not null, \`menu_id\` int unsigned not null, \`actions\` text not null) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`role_menu_grant\` add index \`role_menu_grant_tenant_id_index\` (\`tenant_id\`);`);
    this.addSql(`alter table \`role_menu_grant\` add index \`role_menu_grant_role_id_index\` (\`role_id\`);`);
    this.addSql(`alter table \`role_menu_grant\` add index \`role_menu_grant_menu_id_index\` (\`menu_id\`);`);
    this.addSql(`alter table \`role_menu_grant\` add unique \`role_menu_grant_role_id_menu_id_unique\` (\`role_id\`, \`menu_id\`);`);

    this.addSql(`create table \`tenant\` (\`id\` int unsigned not null auto_increment primary key, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`code\` varchar(32) not null, \`name\` varchar(128) not null, \`name_en\` varchar(128) null, \`country_code\` varchar(2) null, \`timezone\` int null, \`zone\` varchar(64) not null default 'UTC', \`currency_code\` varchar(3) null, \`is_active\` tinyint(1) not null default true, \`allow_registration\` tinyint(1) not null default true, \`deleted_at\` datetime null) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`tenant\` add unique \`tenant_code_unique\` (\`code\`);`);

    this.addSql(`create table \`user\` (\`id\` int unsigned not null auto_increment primary key, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`tenant_id\` int null, \`username\` varchar(64) not null, \`email\` varchar(255) null, \`password_hash\` varchar(255) not null, \`full_name\` varchar(128) null, \`status\` varchar(16) not null default 'active', \`position_id\` int unsigned null, \`last_login_at\` datetime null, \`deleted_at\` datetime null) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`user\` add index \`user_tenant_id_index\` (\`tenant_id\`);`);
    this.addSql(`alter table \`user\` add unique \`user_username_unique\` (\`username\`);`);
    this.addSql(`alter table \`user\` add unique \`user_email_unique\` (\`email\`);`);
    this.addSql(`alter table \`user\` add index \`user_position_id_index\` (\`position_id\`);`);

    this.addSql(`create table \`session\` (\`id\` int unsigned not null auto_increment primary key, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`tenant_id\` int null, \`user_id\` int unsigned not null, \`channel\` varchar(8) not null, \`device_id\` varchar(128) null, \`device_name\` varchar(128) null, \`sid\` varchar(36) not null, \`family\` varchar(32) not null, \`refresh_hash\` varchar(64) not null, \`refresh_expires_at\` datetime not null, \`last_seen_at\` datetime not null, \`revoked_at\` datetime null, \`revoke_reason\` varchar(32) null) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`session\` add index \`session_tenant_id_index\` (\`tenant_id\`);`);
    this.addSql(`alter table \`session\` add index \`session_user_id_index\` (\`user_id\`);`);
    this.addSql(`alter table \`session\` add unique \`session_sid_unique\` (\`sid\`);`);
    this.addSql(`alter table \`session\` add unique \`session_family_unique\` (\`family\`);`);

    this.addSql(`create table \`user_role\` (\`id\` int unsigned not null auto_increment primary key, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`tenant_id\` int null, \`user_id\` int unsigned not null, \`role_id\` int unsigned not null) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`user_role\` add index \`user_role_tenant_id_index\` (\`tenant_id\`);`);
    this.addSql(`alter table \`user_role\` add index \`user_role_user_id_index\` (\`user_id\`);`);
    this.addSql(`alter table \`user_role\` add index \`user_role_role_id_index\` (\`role_id\`);`);
    this.addSql(`alter table \`user_role\` add unique \`user_role_user_id_role_id_unique\` (\`user_id\`, \`role_id\`);`);

    this.addSql(`alter table \`menu\` add constraint \`menu_parent_id_foreign\` foreign key (\`parent_id\`) references \`menu\` (\`id\`) on delete set null;`);

    this.addSql(`alter table \`position\` add constraint \`position_parent_id_foreign\` foreign key (\`parent_id\`) references \`position\` (\`id\`) on delete set null;`);

    this.addSql(`alter table \`role_menu_grant\` add constraint \`role_menu_grant_role_id_foreign\` foreign key (\`role_id\`) references \`role\` (\`id\`) on delete cascade;`);
    this.addSql(`alter table \`role_menu_grant\` add constraint \`role_menu_grant_menu_id_foreign\` foreign key (\`menu_id\`) references \`menu\` (\`id\`) on delete cascade;`);

    this.addSql(`alter table \`user\` add constraint \`user_position_id_foreign\` foreign key (\`position_id\`) references \`position\` (\`id\`) on delete set null;`);

    this.addSql(`alter table \`session\` add constraint \`session_user_id_foreign\` foreign key (\`user_id\`) references \`user\` (\`id\`) on delete cascade;`);

    this.addSql(`alter table \`user_role\` add constraint \`user_role_user_id_foreign\` foreign key (\`user_id\`) references \`user\` (\`id\`) on delete cascade;`);
    this.addSql(`alter table \`user_role\` add constraint \`user_role_role_id_foreign\` foreign key (\`role_id\`) references \`role\` (\`id\`);`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table \`menu\` drop foreign key \`menu_parent_id_foreign\`;`);
    this.addSql(`alter table \`role_menu_grant\` drop foreign key \`role_menu_grant_menu_id_foreign\`;`);
    this.addSql(`alter table \`position\` drop foreign key \`position_parent_id_foreign\`;`);
    this.addSql(`alter table \`user\` drop foreign key \`user_position_id_foreign\`;`);
    this.addSql(`alter table \`role_menu_grant\` drop foreign key \`role_menu_grant_role_id_foreign\`;`);
    this.addSql(`alter table \`user_role\` drop foreign key \`user_role_role_id_foreign\`;`);
    this.addSql(`alter table \`session\` drop foreign key \`session_user_id_foreign\`;`);
    this.addSql(`alter table \`user_role\` drop foreign key \`user_role_user_id_foreign\`;`);

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
