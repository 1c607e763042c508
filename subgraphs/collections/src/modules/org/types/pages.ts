import { PageType } from '@platform/kit';
import { Agency } from '../entities/agency.entity';
import { Collector } from '../entities/collector.entity';
import { TeamGroup } from '../entities/team-group.entity';
import { Team } from '../entities/team.entity';

export const AgencyPage = PageType(Agency);
export const TeamGroupPage = PageType(TeamGroup);
export const TeamPage = PageType(Team);
export const CollectorPage = PageType(Collector);
