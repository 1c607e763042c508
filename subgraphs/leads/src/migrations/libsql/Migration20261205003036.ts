import { Migration } from '@mikro-orm/migrations';

/**
 * The statistics' tallies (filled from the leads already there) and their indexes, what leads knows of users' roles
 * (fed by identity's user events: a follower must be a sales user) and the tenant zone identity announces.
 */
export class Migration20261205003036 extends Migration {

  override name = 'Migration20261205003036';

  override up(): void | Promise<void> {
    this.addSql(`create table \`known_user\` (\`user_id\` text not null primary key, \`tenant_id\` integer null, \`sales\` integer not null, \`as_of\` datetime not null);`);

    this.addSql(`create table \`lead_arrival\` (\`id\` integer not null primary key autoincrement, \`tenant_id\` integer not null, \`slot\` datetime not null, \`leads\` integer not null);`);
    this.addSql(`create unique index \`lead_arrival_tenant_id_slot_unique\` on \`lead_arrival\` (\`tenant_id\`, \`slot\`);`);

    this.addSql(`create table \`lead_tally\` (\`id\` integer not null primary key autoincrement, \`tenant_id\` integer not null, \`intention_level\` text not null, \`source_platform\` text not null, \`follower_id\` text not null, \`registrant_id\` text not null, \`leads\` integer not null);`);
    this.addSql(`create unique index \`lead_tally_tenant_id_intention_level_source_platform_follower_id_registrant_id_unique\` on \`lead_tally\` (\`tenant_id\`, \`intention_level\`, \`source_platform\`, \`follower_id\`, \`registrant_id\`);`);
    // The tallies of the leads already there (services/lead-tally.ts rebuildTally recounts them the same way).
    this.addSql(`insert into \`lead_tally\` (\`tenant_id\`, \`intention_level\`, \`source_platform\`, \`follower_id\`, \`registrant_id\`, \`leads\`) select \`tenant_id\`, \`intention_level\`, coalesce(\`source_platform\`, ''), \`follower_id\`, \`registrant_id\`, count(*) from \`customer_lead\` group by \`tenant_id\`, \`intention_level\`, coalesce(\`source_platform\`, ''), \`follower_id\`, \`registrant_id\`;`);
    this.addSql(`insert into \`lead_arrival\` (\`tenant_id\`, \`slot\`, \`leads\`) select \`tenant_id\`, (\`created_at\` / 900000) * 900000, count(*) from \`customer_lead\` group by \`tenant_id\`, (\`created_at\` / 900000) * 900000;`);

    this.addSql(`drop index \`follow_up_record_tenant_id_created_at_index\`;`);
    this.addSql(`create index \`follow_up_record_tenant_id_created_at_lead_id_index\` on \`follow_up_record\` (\`tenant_id\`, \`created_at\`, \`lead_id\`);`);

    this.addSql(`drop index \`customer_lead_tenant_id_intention_level_index\`;`);
    this.addSql(`drop index \`customer_lead_tenant_id_source_platform_index\`;`);
    this.addSql(`create index \`customer_lead_tenant_id_intention_level_is_deal_lead_time_index\` on \`customer_lead\` (\`tenant_id\`, \`intention_level\`, \`is_deal\`, \`lead_time\`);`);

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
    this.addSql(`drop table if exists \`lead_arrival\`;`);
    this.addSql(`drop table if exists \`lead_tally\`;`);

    this.addSql(`drop index \`customer_lead_tenant_id_intention_level_is_deal_lead_time_index\`;`);
    this.addSql(`create index \`customer_lead_tenant_id_intention_level_index\` on \`customer_lead\` (\`tenant_id\`, \`intention_level\`);`);
    this.addSql(`create index \`customer_lead_tenant_id_source_platform_index\` on \`customer_lead\` (\`tenant_id\`, \`source_platform\`);`);

    this.addSql(`drop index \`follow_up_record_tenant_id_created_at_lead_id_index\`;`);
    this.addSql(`create index \`follow_up_record_tenant_id_created_at_index\` on \`follow_up_record\` (\`tenant_id\`, \`created_at\`);`);

    this.addSql(`pragma foreign_keys = off;`);
    this.addSql(`create table \`leads_setting__temp_alter\` (\`id\` integer not null primary key autoincrement, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`tenant_id\` INTEGER not null, \`time_zone\` TEXT not null);`);
    this.addSql(`insert into \`leads_setting__temp_alter\` select \`id\`, \`created_at\`, \`updated_at\`, \`tenant_id\`, \`time_zone\` from \`leads_setting\`;`);
    this.addSql(`drop table \`leads_setting\`;`);
    this.addSql(`alter table \`leads_setting__temp_alter\` rename to \`leads_setting\`;`);
    this.addSql(`create unique index \`leads_setting_tenant_id_unique\` on \`leads_setting\` (\`tenant_id\`);`);
    this.addSql(`pragma foreign_keys = on;`);
  }

}
