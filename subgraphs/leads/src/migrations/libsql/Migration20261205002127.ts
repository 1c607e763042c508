import { Migration } from '@mikro-orm/migrations';

/**
 * The statistics' lead tally (filled from the leads already there), what leads knows of users' roles (fed by
 * identity's user events: a follower must be a sales user) and the tenant zone identity announces.
 */
export class Migration20261205002127 extends Migration {

  override name = 'Migration20261205002127';

  override up(): void | Promise<void> {
    this.addSql(`create table \`known_user\` (\`user_id\` text not null primary key, \`tenant_id\` integer null, \`sales\` integer not null, \`as_of\` datetime not null);`);

    this.addSql(`create table \`lead_tally\` (\`id\` integer not null primary key autoincrement, \`tenant_id\` integer not null, \`intention_level\` text not null, \`source_platform\` text not null, \`follower_id\` text not null, \`registrant_id\` text not null, \`leads\` integer not null);`);
    this.addSql(`create unique index \`lead_tally_tenant_id_intention_level_source_platform_follower_id_registrant_id_unique\` on \`lead_tally\` (\`tenant_id\`, \`intention_level\`, \`source_platform\`, \`follower_id\`, \`registrant_id\`);`);
    // The tally of the leads already there (services/lead-tally.ts rebuildTally does the same on demand).
    this.addSql(`insert into \`lead_tally\` (\`tenant_id\`, \`intention_level\`, \`source_platform\`, \`follower_id\`, \`registrant_id\`, \`leads\`) select \`tenant_id\`, \`intention_level\`, coalesce(\`source_platform\`, ''), \`follower_id\`, \`registrant_id\`, count(*) from \`customer_lead\` group by \`tenant_id\`, \`intention_level\`, coalesce(\`source_platform\`, ''), \`follower_id\`, \`registrant_id\`;`);

    this.addSql(`pragma foreign_keys = off;`);
    this.addSql(`create table \`leads_setting__temp_alter\` (\`id\` integer not null primary key autoincrement, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`tenant_id\` integer not null, \`time_zone\` text null, \`tenant_zone\` text null, \`tenant_zone_as_of\` datetime null);`);
    this.addSql(`insert into \`leads_setting__temp_alter\` select \`id\`, \`created_at\`, \`updated_at\`, \`tenant_id\`, \`time_zone\`, null as \`tenant_zone\`, null as \`tenant_zone_as_of\` from \`leads_setting\`;`);
    this.addSql(`drop table \`leads_setting\`;`);
    this.addSql(`alter table \`leads_setting__temp_alter\` rename to \`leads_setting\`;`);
    this.addSql(`create unique index \`leads_setting_tenant_id_unique\` on \`leads_setting\` (\`tenant_id\`);`);
    this.addSql(`pragma foreign_keys = on;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists \`known_user\`;`);
    this.addSql(`drop table if exists \`lead_tally\`;`);

    this.addSql(`pragma foreign_keys = off;`);
    this.addSql(`create table \`leads_setting__temp_alter\` (\`id\` integer not null primary key autoincrement, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`tenant_id\` INTEGER not null, \`time_zone\` TEXT not null);`);
    this.addSql(`insert into \`leads_setting__temp_alter\` select \`id\`, \`created_at\`, \`updated_at\`, \`tenant_id\`, \`time_zone\` from \`leads_setting\`;`);
    this.addSql(`drop table \`leads_setting\`;`);
    this.addSql(`alter table \`leads_setting__temp_alter\` rename to \`leads_setting\`;`);
    this.addSql(`create unique index \`leads_setting_tenant_id_unique\` on \`leads_setting\` (\`tenant_id\`);`);
    this.addSql(`pragma foreign_keys = on;`);
  }

}
