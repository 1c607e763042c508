import { Migration } from '@mikro-orm/migrations';

/** The kit's bases (timestamps to the millisecond) and the kit's outbox tables (user.created). */
export class Migration20261121122118 extends Migration {

  override name = 'Migration20261121122118';

  override up(): void | Promise<void> {
    this.addSql(`create table \`outbox_event\` (\`id\` varchar(36) not null, \`topic\` varchar(200) not null, \`aggregate_id\` varchar(36) null, \`payload\` json not null, \`tenant_id\` varchar(36) null, \`occurred_at\` datetime(3) not null, \`published_at\` datetime(3) null, \`attempts\` int not null default 0, primary key (\`id\`)) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`outbox_event\` add index \`outbox_event_published_at_occurred_at_index\` (\`published_at\`, \`occurred_at\`);`);

    this.addSql(`create table \`processed_event\` (\`consumer\` varchar(100) not null, \`event_id\` varchar(36) not null, \`processed_at\` datetime(3) not null, primary key (\`consumer\`, \`event_id\`)) default character set utf8mb4 engine = InnoDB;`);

    this.addSql(`alter table \`api_credential\` modify \`created_at\` datetime(3) not null;`);
    this.addSql(`alter table \`api_credential\` modify \`updated_at\` datetime(3) not null;`);

    this.addSql(`alter table \`menu\` modify \`created_at\` datetime(3) not null;`);
    this.addSql(`alter table \`menu\` modify \`updated_at\` datetime(3) not null;`);

    this.addSql(`alter table \`position\` modify \`created_at\` datetime(3) not null;`);
    this.addSql(`alter table \`position\` modify \`updated_at\` datetime(3) not null;`);

    this.addSql(`alter table \`role\` modify \`created_at\` datetime(3) not null;`);
    this.addSql(`alter table \`role\` modify \`updated_at\` datetime(3) not null;`);

    this.addSql(`alter table \`role_menu_grant\` modify \`created_at\` datetime(3) not null;`);
    this.addSql(`alter table \`role_menu_grant\` modify \`updated_at\` datetime(3) not null;`);

    this.addSql(`alter table \`tenant\` modify \`created_at\` datetime(3) not null;`);
    this.addSql(`alter table \`tenant\` modify \`updated_at\` datetime(3) not null;`);

    this.addSql(`alter table \`user\` modify \`created_at\` datetime(3) not null;`);
    this.addSql(`alter table \`user\` modify \`updated_at\` datetime(3) not null;`);

    this.addSql(`alter table \`session\` modify \`created_at\` datetime(3) not null;`);
    this.addSql(`alter table \`session\` modify \`updated_at\` datetime(3) not null;`);

    this.addSql(`alter table \`user_role\` modify \`created_at\` datetime(3) not null;`);
    this.addSql(`alter table \`user_role\` modify \`updated_at\` datetime(3) not null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists \`outbox_event\`;`);
    this.addSql(`drop table if exists \`processed_event\`;`);

    this.addSql(`alter table \`api_credential\` modify \`created_at\` datetime not null;`);
    this.addSql(`alter table \`api_credential\` modify \`updated_at\` datetime not null;`);

    this.addSql(`alter table \`menu\` modify \`created_at\` datetime not null;`);
    this.addSql(`alter table \`menu\` modify \`updated_at\` datetime not null;`);

    this.addSql(`alter table \`position\` modify \`created_at\` datetime not null;`);
    this.addSql(`alter table \`position\` modify \`updated_at\` datetime not null;`);

    this.addSql(`alter table \`role\` modify \`created_at\` datetime not null;`);
    this.addSql(`alter table \`role\` modify \`updated_at\` datetime not null;`);

    this.addSql(`alter table \`role_menu_grant\` modify \`created_at\` datetime not null;`);
    this.addSql(`alter table \`role_menu_grant\` modify \`updated_at\` datetime not null;`);

    this.addSql(`alter table \`session\` modify \`created_at\` datetime not null;`);
    this.addSql(`alter table \`session\` modify \`updated_at\` datetime not null;`);

    this.addSql(`alter table \`tenant\` modify \`created_at\` datetime not null;`);
    this.addSql(`alter table \`tenant\` modify \`updated_at\` datetime not null;`);

    this.addSql(`alter table \`user\` modify \`created_at\` datetime not null;`);
    this.addSql(`alter table \`user\` modify \`updated_at\` datetime not null;`);

    this.addSql(`alter table \`user_role\` modify \`created_at\` datetime not null;`);
    this.addSql(`alter table \`user_role\` modify \`updated_at\` datetime not null;`);
  }

}
