import { byKeyLoader } from '@platform/kit';
import type { LeadsContext } from '../leads.context';
import { Lead } from '../entities/lead.entity';

export const leadById = (ctx: LeadsContext) => ctx.loaders.get('leadById', () => byKeyLoader<Lead, number>(ctx.em, Lead));
