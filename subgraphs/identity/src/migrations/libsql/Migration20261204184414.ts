import { Migration } from '@mikro-orm/migrations';

/**
 * A tenant's own minimum password length (null: the platform's), and the case-insensitive login key: sign-in and
 * uniqueness compare it, so `Admin` and `admin` cannot both exist. Existing accounts take their lower-cased
 * username; where SQLite already holds two spellings of one id, the later account's key gets `#<id>` so the
 * index can be built (the earlier one keeps signing in by name; the later one needs a rename by an admin).
 */
export class Migration20261204184414 extends Migration {

  override name = 'Migration20261204184414';

  override up(): void | Promise<void> {
    this.addSql(`alter table \`tenant\` add column \`password_min_length\` integer null;`);

    this.addSql(`alter table \`user\` add column \`login_key\` text not null default '';`);
    this.addSql(`update \`user\` set \`login_key\` = lower(\`username\`) || case when exists (select 1 from \`user\` as \`o\` where lower(\`o\`.\`username\`) = lower(\`user\`.\`username\`) and \`o\`.\`id\` < \`user\`.\`id\`) then '#' || \`id\` else '' end;`);
    // SQLite cannot drop a column default in place: rebuild the table as the entity declares it.
    this.addSql(`pragma foreign_keys = off;`);
    this.addSql(`create table \`user__temp_alter\` (\`id\` integer not null primary key autoincrement, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`tenant_id\` integer null, \`username\` text not null, \`login_key\` text not null, \`email\` text null, \`password_hash\` text not null, \`full_name\` text null, \`status\` text not null default 'active', \`position_id\` integer null, \`last_login_at\` datetime null, \`deleted_at\` datetime null, constraint \`user_position_id_foreign\` foreign key (\`position_id\`) references \`position\` (\`id\`) on delete set null);`);
    this.addSql(`insert into \`user__temp_alter\` select \`id\`, \`created_at\`, \`updated_at\`, \`tenant_id\`, \`username\`, \`login_key\`, \`email\`, \`password_hash\`, \`full_name\`, \`status\`, \`position_id\`, \`last_login_at\`, \`deleted_at\` from \`user\`;`);
    this.addSql(`drop table \`user\`;`);
    this.addSql(`alter table \`user__temp_alter\` rename to \`user\`;`);
    this.addSql(`create index \`user_tenant_id_index\` on \`user\` (\`tenant_id\`);`);
    this.addSql(`create unique index \`user_username_unique\` on \`user\` (\`username\`);`);
    this.addSql(`create unique index \`user_login_key_unique\` on \`user\` (\`login_key\`);`);
    this.addSql(`create unique index \`user_email_unique\` on \`user\` (\`email\`);`);
    this.addSql(`create index \`user_position_id_index\` on \`user\` (\`position_id\`);`);
    this.addSql(`pragma foreign_keys = on;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table \`tenant\` drop column \`password_min_length\`;`);

    this.addSql(`drop index \`user_login_key_unique\`;`);
    this.addSql(`alter table \`user\` drop column \`login_key\`;`);
  }

}
