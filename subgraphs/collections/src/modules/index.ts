import { appStatsModule } from './app-stats';
import { appModule } from './app';
import { casesModule } from './cases';
import { configModule } from './config';
import { dashboardsModule } from './dashboards';
import { feedbackModule } from './feedback';
import { fieldsModule } from './fields';
import { integrationModule } from './integration';
import { knowledgeModule } from './knowledge';
import type { CollectionsModule } from './module';
import { orgModule } from './org';
import { partnerModule } from './partner';
import { queuesModule } from './queues';
import { reportsModule } from './reports';
import { toolsModule } from './tools';
import { workModule } from './work';

export const COLLECTIONS_MODULES: readonly CollectionsModule[] = [
  orgModule,
  queuesModule,
  casesModule,
  workModule,
  fieldsModule,
  configModule,
  dashboardsModule,
  reportsModule,
  partnerModule,
  integrationModule,
  appStatsModule,
  knowledgeModule,
  feedbackModule,
  toolsModule,
  appModule,
];
