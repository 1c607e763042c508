import { and, can, isTenantMember, type IRules } from '@platform/kit';

/**
 * A member of a tenant, any role: leads always belong to a tenant, and what each role sees of them is decided
 * row by row (services/lead-visibility.ts). The platform super admin has no tenant and no leads.
 */
const inTenant = isTenantMember;

/** Reminder intervals, recipients and the manual check are the tenant's administrators' (they hold `*`). */
const manage = and(isTenantMember, can('leads:manage'));

export const permissions: IRules = {
  Query: {
    leads: inTenant,
    lead: inTenant,
    followUps: inTenant,
    remindConfigs: inTenant,
    remindRecipients: inTenant,
    leadsOverview: inTenant,
    leadsSettings: inTenant,
  },
  Mutation: {
    createLead: inTenant,
    updateLead: inTenant,
    deleteLead: inTenant,
    addFollowUp: inTenant,
    updateRemindConfig: manage,
    addRemindRecipient: manage,
    deleteRemindRecipient: manage,
    triggerReminderCheck: manage,
    updateLeadsSettings: manage,
  },
  Lead: inTenant,
  LeadPage: inTenant,
  FollowUp: inTenant,
  FollowUpPage: inTenant,
  RemindConfig: inTenant,
  RemindRecipient: inTenant,
  LeadsSetting: inTenant,
  CreateLeadResult: inTenant,
  UpdateLeadResult: inTenant,
  DeleteLeadResult: inTenant,
  ReminderCheck: inTenant,
  OverdueLead: inTenant,
  LeadsOverview: inTenant,
  LabelCount: inTenant,
  DateCount: inTenant,
  RecentAdditions: inTenant,
  FollowUpCounts: inTenant,
  TodayStats: inTenant,
  User: inTenant,
};
