import 'reflect-metadata';

export { leadsConfigSchema, loadLeadsConfig, type LeadsConfig } from './config';
export type { LeadsContext } from './leads.context';
export { LeadsErrors } from './leads.errors';
export { leads, leads as subgraph, type LeadsDeps, type LeadsRuntime } from './leads.subgraph';
export { LEADS_ENTITIES } from './entities';
export { Lead } from './entities/lead.entity';
export { FollowUp } from './entities/follow-up.entity';
export { KnownUser } from './entities/known-user.entity';
export { LeadsSetting } from './entities/leads-setting.entity';
export { LeadTally } from './entities/lead-tally.entity';
export { rebuildTally } from './services/lead-tally';
export { rebuildTallyCommand } from './rebuild-tally';
export { listen } from './main';
export { permissions } from './permissions';
