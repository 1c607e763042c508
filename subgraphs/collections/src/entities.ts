import { directoryEntities, eventEntities } from '@platform/kit';
import { CaseAssignment } from './modules/cases/entities/case-assignment.entity';
import { CaseContact } from './modules/cases/entities/case-contact.entity';
import { CollectionCase } from './modules/cases/entities/collection-case.entity';
import { SystemConfig } from './modules/config/entities/system-config.entity';
import { FieldDisplay } from './modules/fields/entities/field-display.entity';
import { FieldGroup } from './modules/fields/entities/field-group.entity';
import { StandardField } from './modules/fields/entities/standard-field.entity';
import { Agency } from './modules/org/entities/agency.entity';
import { AgencyWorkingHour } from './modules/org/entities/agency-working-hour.entity';
import { Collector } from './modules/org/entities/collector.entity';
import { Team } from './modules/org/entities/team.entity';
import { TeamGroup } from './modules/org/entities/team-group.entity';
import { QueueFieldConfig } from './modules/queues/entities/queue-field-config.entity';
import { Queue } from './modules/queues/entities/queue.entity';
import { Communication } from './modules/work/entities/communication.entity';
import { PaymentLink } from './modules/work/entities/payment-link.entity';
import { Ptp } from './modules/work/entities/ptp.entity';
import { QualityInspection } from './modules/work/entities/quality-inspection.entity';
import { IntegrationDelivery, type DeliveryKind, type DeliveryStatus } from './modules/integration/entities/integration-delivery.entity';
import { TenantIntegration } from './modules/integration/entities/tenant-integration.entity';
import { PartnerPushBatch } from './modules/partner/entities/partner-push-batch.entity';
import { Repayment } from './modules/work/entities/repayment.entity';
import { AppFeedback } from './modules/feedback/entities/app-feedback.entity';
import { KnowledgeArticle } from './modules/knowledge/entities/knowledge-article.entity';

export type { DeliveryKind, DeliveryStatus };
export {
  Agency,
  AppFeedback,
  AgencyWorkingHour,
  CaseAssignment,
  CaseContact,
  CollectionCase,
  Collector,
  Communication,
  FieldDisplay,
  FieldGroup,
  IntegrationDelivery,
  KnowledgeArticle,
  PartnerPushBatch,
  PaymentLink,
  Ptp,
  QualityInspection,
  Queue,
  QueueFieldConfig,
  Repayment,
  StandardField,
  SystemConfig,
  Team,
  TeamGroup,
  TenantIntegration,
};

/** The whole collections model (admin console, partner pushes, collector app), the outbox and the user directory. */
export const COLLECTIONS_ENTITIES = [
  Agency,
  TeamGroup,
  Team,
  Collector,
  AgencyWorkingHour,
  Queue,
  QueueFieldConfig,
  CollectionCase,
  CaseContact,
  CaseAssignment,
  Communication,
  Ptp,
  Repayment,
  PaymentLink,
  QualityInspection,
  FieldGroup,
  StandardField,
  FieldDisplay,
  SystemConfig,
  PartnerPushBatch,
  TenantIntegration,
  IntegrationDelivery,
  KnowledgeArticle,
  AppFeedback,
  ...eventEntities,
  ...directoryEntities,
];
