import { Migration } from '@mikro-orm/migrations';

/**
 * Announcements are pushed live once as they take effect (published_at, and feed_position: where they sit among
 * notifications for a subscriber's cursor), and may be platform-wide (no tenant). Those already in effect are pushed
 * once by the first run of the publishing job.
 */
export class Migration20261205002027 extends Migration {

  override name = 'Migration20261205002027';

  override up(): void | Promise<void> {
    this.addSql(`alter table \`public_notification\` add \`published_at\` datetime(3) null, add \`feed_position\` int null;`);
    this.addSql(`alter table \`public_notification\` modify \`tenant_id\` int null;`);
    this.addSql(`alter table \`public_notification\` add index \`public_notification_published_at_effective_start_index\` (\`published_at\`, \`effective_start\`);`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table \`public_notification\` drop index \`public_notification_published_at_effective_start_index\`;`);
    this.addSql(`alter table \`public_notification\` drop column \`published_at\`, drop column \`feed_position\`;`);
    this.addSql(`alter table \`public_notification\` modify \`tenant_id\` int not null;`);
  }

}
