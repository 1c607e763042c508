import { Migration } from '@mikro-orm/migrations';

/** Sessions record the collector app's device details, the latest sign-in and its client address. */
export class Migration20261121121712 extends Migration {

  override name = 'Migration20261121121712';

  override up(): void | Promise<void> {
    this.addSql(`alter table \`session\` add column \`device_type\` text null;`);
    this.addSql(`alter table \`session\` add column \`device_model\` text null;`);
    this.addSql(`alter table \`session\` add column \`os_version\` text null;`);
    this.addSql(`alter table \`session\` add column \`app_version\` text null;`);
    this.addSql(`alter table \`session\` add column \`last_login_at\` datetime null;`);
    this.addSql(`alter table \`session\` add column \`client_address\` text null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table \`session\` drop column \`device_type\`;`);
    this.addSql(`alter table \`session\` drop column \`device_model\`;`);
    this.addSql(`alter table \`session\` drop column \`os_version\`;`);
    this.addSql(`alter table \`session\` drop column \`app_version\`;`);
    this.addSql(`alter table \`session\` drop column \`last_login_at\`;`);
    this.addSql(`alter table \`session\` drop column \`client_address\`;`);
  }

}
