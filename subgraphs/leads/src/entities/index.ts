import { directoryEntities, eventEntities } from '@platform/kit';
import { FollowUp } from './follow-up.entity';
import { KnownUser } from './known-user.entity';
import { Lead } from './lead.entity';
import { LeadArrival } from './lead-arrival.entity';
import { LeadTally } from './lead-tally.entity';
import { LeadsSetting } from './leads-setting.entity';
import { RemindConfig } from './remind-config.entity';
import { RemindRecipient } from './remind-recipient.entity';
import { ReminderRun } from './reminder-run.entity';

/**
 * Leads, follow-ups, reminder settings, the statistics' tally, what leads knows of identity's users, the kit's
 * outbox tables and its directory of users.
 */
export const LEADS_ENTITIES = [
  Lead,
  FollowUp,
  RemindConfig,
  RemindRecipient,
  LeadsSetting,
  ReminderRun,
  LeadTally,
  LeadArrival,
  KnownUser,
  ...eventEntities,
  ...directoryEntities,
];
