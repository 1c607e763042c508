import { directoryEntities, eventEntities } from '@platform/kit';
import { FollowUp } from './follow-up.entity';
import { Lead } from './lead.entity';
import { LeadsSetting } from './leads-setting.entity';
import { RemindConfig } from './remind-config.entity';
import { RemindRecipient } from './remind-recipient.entity';
import { ReminderRun } from './reminder-run.entity';

/** Leads, follow-ups, reminder settings, the kit's outbox tables and its directory of users. */
export const LEADS_ENTITIES = [
  Lead,
  FollowUp,
  RemindConfig,
  RemindRecipient,
  LeadsSetting,
  ReminderRun,
  ...eventEntities,
  ...directoryEntities,
];
