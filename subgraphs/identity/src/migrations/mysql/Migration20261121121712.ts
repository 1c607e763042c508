import { Migration } from '@mikro-orm/migrations';

/** Sessions record the collector app's device details, the latest sign-in and its client address. */
export class Migration20261121121712 extends Migration {

  override name = 'Migration20261121121712';

  override up(): void | Promise<void> {
    this.addSql(`alter table \`session\` add \`device_type\` varchar(32) null, add \`device_model\` varchar(128) null, add \`os_version\` varchar(64) null, add \`app_version\` varchar(32) null, add \`last_login_at\` datetime null, add \`client_address\` varchar(64) null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table \`session\` drop column \`device_type\`, drop column \`device_model\`, drop column \`os_version\`, drop column \`app_version\`, drop column \`last_login_at\`, drop column \`client_address\`;`);
  }

}
