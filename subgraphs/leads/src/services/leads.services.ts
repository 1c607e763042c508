import { createMailer, type Mailer, type SubgraphParts } from '@platform/kit';
import type { LeadsConfig } from '../config';
import { systemClock, type Clock } from './clock';
import { ReminderScheduler } from './reminder-scheduler';

/** What the leads runtime holds beside the kit's parts: the clock, the mailer and the daily reminder. */
export interface LeadsServices {
  config: LeadsConfig;
  clock: Clock;
  mailer: Mailer;
  scheduler: ReminderScheduler;
}

export function leadsServices(parts: SubgraphParts<LeadsConfig>): LeadsServices {
  const { config } = parts;
  const clock = systemClock();
  const mailer = createMailer({ smtpUrl: config.SMTP_URL, from: config.MAIL_FROM, outboxDir: config.MAIL_OUTBOX_DIR });
  const services = { config, clock, mailer } as LeadsServices;
  services.scheduler = new ReminderScheduler(parts, services);
  services.scheduler.start();
  return services;
}

export async function closeLeadsServices(services: LeadsServices): Promise<void> {
  await services.scheduler.stop();
  services.mailer.close();
}
