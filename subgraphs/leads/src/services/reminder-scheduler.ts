import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { BACKGROUND_WORK, executeSql, TENANT_FILTER, type SubgraphParts } from '@platform/kit';
import { DateTime } from 'luxon';
import type { LeadsConfig } from '../config';
import { ReminderRun } from '../entities/reminder-run.entity';
import type { LeadsServices } from './leads.services';
import { runCheck } from './reminder.service';
import { zoneOf } from './tenant-zone';

/**
 * The daily overdue check (002: 09:00 in the tenant's zone). Every instance polls; the first to insert the
 * tenant's `reminder_run` row for the local day runs it, in the same transaction, so a failed run (SMTP down)
 * leaves no row and a later poll retries, and a second instance waits on the row's key, then skips.
 */
export class ReminderScheduler {
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;

  constructor(
    private readonly parts: Pick<SubgraphParts<LeadsConfig>, 'orm' | 'logger' | 'config'>,
    private readonly services: Pick<LeadsServices, 'clock' | 'mailer'>,
  ) {}

  start(): void {
    const seconds = this.parts.config.REMINDER_POLL_SECONDS;
    if (!seconds) return;
    this.timer = setInterval(() => {
      this.running ??= this.runDue()
        .catch((err: unknown) => this.parts.logger.error({ err }, 'daily lead reminder failed, will retry'))
        .finally(() => (this.running = undefined));
    }, seconds * 1000);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** Runs every tenant's check that is due at `now` and not yet run today; answers the tenants it ran for. */
  async runDue(now = this.services.clock.now()): Promise<number[]> {
    const { orm, config } = this.parts;
    const scoped = (tenantId: number | null) => {
      const em = orm.em.fork({ loggerContext: BACKGROUND_WORK });
      em.setFilterParams(TENANT_FILTER, { tenantId });
      return em;
    };
    // A tenant without leads has nothing to remind.
    const tenants = await executeSql<Array<{ tenant_id: number }>>(scoped(null), 'select distinct tenant_id from customer_lead');
    const ran: number[] = [];
    for (const { tenant_id: raw } of tenants) {
      const tenantId = Number(raw);
      const em = scoped(tenantId);
      const zone = await zoneOf(em, tenantId, config.LEADS_TIME_ZONE);
      const local = DateTime.fromJSDate(now, { zone });
      if (local.hour < config.REMINDER_HOUR) continue;
      const day = local.toFormat('yyyy-MM-dd');
      if (await em.count(ReminderRun, { tenantId, day })) continue;
      try {
        await em.transactional(async (tx) => {
          const run = tx.create(ReminderRun, { tenantId, day, overdueCount: 0 });
          await tx.flush(); // claims the day: a concurrent instance blocks here, then fails on the unique key
          const check = await runCheck(tx, this.services.mailer, { tenantId, zone, now });
          run.overdueCount = check.overdueCount;
        });
        ran.push(tenantId);
      } catch (error) {
        if (!(error instanceof UniqueConstraintViolationException)) throw error;
      }
    }
    return ran;
  }
}
