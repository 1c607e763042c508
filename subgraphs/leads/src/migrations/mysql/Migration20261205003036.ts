import { Migration } from '@mikro-orm/migrations';

/**
 * The statistics' tallies (filled from the leads already there) and their indexes, what leads knows of users' roles
 * (fed by identity's user events: a follower must be a sales user) and the tenant zone identity announces.
 */
export class Migration20261205003036 extends Migration {

  override name = 'Migration20261205003036';

  override up(): void | Promise<void> {
    this.addSql(`create table \`known_user\` (\`user_id\` varchar(36) not null, \`tenant_id\` int null, \`sales\` tinyint(1) not null, \`as_of\` datetime(3) not null, primary key (\`user_id\`)) default character set utf8mb4 engine = InnoDB;`);

    this.addSql(`create table \`lead_arrival\` (\`id\` int unsigned not null auto_increment primary key, \`tenant_id\` int not null, \`slot\` datetime(3) not null, \`leads\` int not null) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`lead_arrival\` add unique \`lead_arrival_tenant_id_slot_unique\` (\`tenant_id\`, \`slot\`);`);

    this.addSql(`create table \`lead_tally\` (\`id\` int unsigned not null auto_increment primary key, \`tenant_id\` int not null, \`intention_level\` varchar(2) not null, \`source_platform\` varchar(50) not null, \`follower_id\` varchar(36) not null, \`registrant_id\` varchar(36) not null, \`leads\` int not null) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`lead_tally\` add unique \`lead_tally_tenant_id_intention_level_source_platfo_e32bb_unique\` (\`tenant_id\`, \`intention_level\`, \`source_platform\`, \`follower_id\`, \`registrant_id\`);`);
    // The tallies of the leads already there (services/lead-tally.ts rebuildTally recounts them the same way).
    this.addSql(`insert into \`lead_tally\` (\`tenant_id\`, \`intention_level\`, \`source_platform\`, \`follower_id\`, \`registrant_id\`, \`leads\`) select \`tenant_id\`, \`intention_level\`, coalesce(\`source_platform\`, ''), \`follower_id\`, \`registrant_id\`, count(*) from \`customer_lead\` group by \`tenant_id\`, \`intention_level\`, coalesce(\`source_platform\`, ''), \`follower_id\`, \`registrant_id\`;`);
    this.addSql(`insert into \`lead_arrival\` (\`tenant_id\`, \`slot\`, \`leads\`) select \`tenant_id\`, cast(date_format(\`created_at\`, '%Y-%m-%d %H:00:00') as datetime) + interval (minute(\`created_at\`) div 15 * 15) minute, count(*) from \`customer_lead\` group by \`tenant_id\`, cast(date_format(\`created_at\`, '%Y-%m-%d %H:00:00') as datetime) + interval (minute(\`created_at\`) div 15 * 15) minute;`);

    this.addSql(`alter table \`follow_up_record\` drop index \`follow_up_record_tenant_id_created_at_index\`;`);
    this.addSql(`alter table \`follow_up_record\` add index \`follow_up_record_tenant_id_created_at_lead_id_index\` (\`tenant_id\`, \`created_at\`, \`lead_id\`);`);

    this.addSql(`alter table \`customer_lead\` drop index \`customer_lead_tenant_id_intention_level_index\`;`);
    this.addSql(`alter table \`customer_lead\` drop index \`customer_lead_tenant_id_source_platform_index\`;`);
    this.addSql(`alter table \`customer_lead\` add index \`customer_lead_tenant_id_intention_level_is_deal_lead_time_index\` (\`tenant_id\`, \`intention_level\`, \`is_deal\`, \`lead_time\`);`);

    this.addSql(`alter table \`leads_setting\` add \`tenant_zone\` varchar(64) null, add \`tenant_zone_as_of\` datetime(3) null;`);
    this.addSql(`alter table \`leads_setting\` modify \`time_zone\` varchar(64) null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists \`known_user\`;`);
    this.addSql(`drop table if exists \`lead_arrival\`;`);
    this.addSql(`drop table if exists \`lead_tally\`;`);

    this.addSql(`alter table \`customer_lead\` drop index \`customer_lead_tenant_id_intention_level_is_deal_lead_time_index\`;`);
    this.addSql(`alter table \`customer_lead\` add index \`customer_lead_tenant_id_intention_level_index\` (\`tenant_id\`, \`intention_level\`);`);
    this.addSql(`alter table \`customer_lead\` add index \`customer_lead_tenant_id_source_platform_index\` (\`tenant_id\`, \`source_platform\`);`);

    this.addSql(`alter table \`follow_up_record\` drop index \`follow_up_record_tenant_id_created_at_lead_id_index\`;`);
    this.addSql(`alter table \`follow_up_record\` add index \`follow_up_record_tenant_id_created_at_index\` (\`tenant_id\`, \`created_at\`);`);

    this.addSql(`alter table \`leads_setting\` drop column \`tenant_zone\`, drop column \`tenant_zone_as_of\`;`);
    this.addSql(`alter table \`leads_setting\` modify \`time_zone\` varchar(64) not null;`);
  }

}
