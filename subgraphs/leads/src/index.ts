import 'reflect-metadata';

export { leadsConfigSchema, loadLeadsConfig, type LeadsConfig } from './config';
export type { LeadsContext } from './leads.context';
export { LeadsErrors } from './leads.errors';
export { leads, leads as subgraph, type LeadsDeps, type LeadsRuntime } from './leads.subgraph';
export { LEADS_ENTITIES } from './entities';
export { Lead } from './entities/lead.entity';
export { FollowUp } from './entities/follow-up.entity';
export { listen } from './main';
export { permissions } from './permissions';
