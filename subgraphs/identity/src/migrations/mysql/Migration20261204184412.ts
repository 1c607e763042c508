import { Migration } from '@mikro-orm/migrations';

/**
 * A tenant's own minimum password length (null: the platform's), and the case-insensitive login key: sign-in and
 * uniqueness compare it, so `Admin` and `admin` cannot both exist. Existing accounts take their lower-cased
 * username; where a database already holds two spellings of one id, the later account's key gets `#<id>` so the
 * index can be built (the earlier one keeps signing in by name; the later one needs a rename by an admin).
 */
export class Migration20261204184412 extends Migration {

  override name = 'Migration20261204184412';

  override up(): void | Promise<void> {
    this.addSql(`alter table \`tenant\` add \`password_min_length\` int null;`);

    // The username's unique index is case-insensitive here already, so lower-casing cannot collide.
    this.addSql(`alter table \`user\` add \`login_key\` varchar(64) null;`);
    this.addSql(`update \`user\` set \`login_key\` = lower(\`username\`);`);
    this.addSql(`alter table \`user\` modify \`login_key\` varchar(64) not null;`);
    this.addSql(`alter table \`user\` add unique \`user_login_key_unique\` (\`login_key\`);`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table \`tenant\` drop column \`password_min_length\`;`);

    this.addSql(`alter table \`user\` drop index \`user_login_key_unique\`;`);
    this.addSql(`alter table \`user\` drop column \`login_key\`;`);
  }

}
