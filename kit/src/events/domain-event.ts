import type { EntityManager } from '@mikro-orm/core';
import type { RequestContext } from '../context';
import { recordEvent } from './record-event';
import type { OutboxEvent } from './outbox-event.entity';

/**
 * The platform-wide topics every subgraph may record and activity consumes: the audit trail and notifications.
 * A subgraph never writes activity's tables; it records one of these beside its own domain event, in the same
 * transaction, and activity turns it into an audit entry or notifications (idempotent by event id).
 */
export const AUDIT_RECORDED = 'audit.recorded';
export const NOTIFICATION_REQUESTED = 'notification.requested';

/** Who is told: users by id, or every member of a team, agency or role (resolved by activity through events). */
export interface NoticeRecipients {
  userIds?: Array<string | number>;
  teamIds?: Array<string | number>;
  agencyIds?: Array<string | number>;
  roles?: string[];
}

/** A notification a domain event asks for: rendered by activity from the tenant's template `template`. */
export interface NoticeRequest {
  recipients: NoticeRecipients;
  /** Template code (activity's `NotificationTemplate.code`); its `{placeholders}` are filled from `params`. */
  template: string;
  params?: Record<string, string | number | null>;
  /** Overrides of the template's defaults. */
  category?: string;
  priority?: 'LOW' | 'NORMAL' | 'HIGH' | 'URGENT';
  /**
   * A typed live event the notice also feeds (activity's `repaymentReceived`, `caseAssigned`, `ptpDue`), with the
   * fields that subscription's type declares; delivered to the recipients only.
   */
  live?: { kind: string; data: Record<string, unknown> };
}

/** `audit.recorded` payload: one entry of the audit trail. Summaries, never secrets or full personal data. */
export interface AuditPayload {
  /** The subgraph that owns the resource. */
  source: string;
  actorId: string | null;
  actorName: string | null;
  /** e.g. `create`, `update`, `delete`, `follow_up`, `end_follow_up`, `rate`, `login`. */
  action: string;
  /** e.g. `lead`, `worklog`, `file`. */
  resourceType: string;
  resourceId: string;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  /** A human-readable line (`新增线索 张三`), shown where a contract documents one. */
  summary?: string | null;
  requestId: string | null;
}

/** `notification.requested` payload. */
export interface NotificationRequestedPayload extends NoticeRequest {
  source: string;
  /** The domain event that asked (its topic), for the notice's provenance. */
  cause: string;
}

export interface DomainEventInput {
  /** The owning subgraph's name. */
  source: string;
  /** The domain topic (`lead.created`); recorded for the domain's consumers. Omit to record only audit/notice. */
  topic?: string;
  payload?: unknown;
  tenantId: string | number | null;
  action: string;
  resourceType: string;
  resourceId: string | number;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  summary?: string | null;
  /** Notifications this event asks activity to send. */
  notify?: NoticeRequest | NoticeRequest[];
}

/**
 * Records a domain change in the caller's transaction: its own topic (when given), an `audit.recorded` entry with the
 * request's actor and request id, and one `notification.requested` per notice. All are outbox rows: they commit or
 * roll back with the change, and are published after the commit.
 */
export function recordDomainEvent(
  ctx: Pick<RequestContext, 'caller' | 'requestId'> & { em: EntityManager },
  input: DomainEventInput,
): OutboxEvent[] {
  const aggregateId = String(input.resourceId);
  const rows: OutboxEvent[] = [];
  if (input.topic) {
    rows.push(recordEvent(ctx.em, { topic: input.topic, tenantId: input.tenantId, aggregateId, payload: input.payload ?? {} }));
  }
  const audit: AuditPayload = {
    source: input.source,
    actorId: ctx.caller?.userId ?? null,
    actorName: ctx.caller?.username ?? null,
    action: input.action,
    resourceType: input.resourceType,
    resourceId: aggregateId,
    before: input.before ?? null,
    after: input.after ?? null,
    summary: input.summary ?? null,
    requestId: ctx.requestId ?? null,
  };
  rows.push(recordEvent(ctx.em, { topic: AUDIT_RECORDED, tenantId: input.tenantId, aggregateId, payload: audit }));
  const notices = input.notify === undefined ? [] : Array.isArray(input.notify) ? input.notify : [input.notify];
  for (const notice of notices) {
    const payload: NotificationRequestedPayload = { ...notice, source: input.source, cause: input.topic ?? input.action };
    rows.push(recordEvent(ctx.em, { topic: NOTIFICATION_REQUESTED, tenantId: input.tenantId, aggregateId, payload }));
  }
  return rows;
}

/**
 * Who belongs to which team and agency. Published by the subgraph that owns the collection organisation (the
 * future collections subgraph) whenever a user joins, moves or leaves; activity keeps a projection of it to
 * resolve `NoticeRecipients.teamIds` / `agencyIds`. Aggregate id: the user id; tenant: the user's tenant.
 */
export const MEMBERSHIP_CHANGED = 'membership.changed';

/** `membership.changed` payload: the user's current team and agency (null: none any more). */
export interface MembershipChangedPayload {
  userId: string | number;
  teamId: string | number | null;
  agencyId: string | number | null;
}

/** The typed live events a notice may carry (`NoticeRequest.live.kind`) and the fields each one's data holds. */
export const LIVE_KINDS = ['repaymentReceived', 'caseAssigned', 'ptpDue'] as const;
export type LiveKind = (typeof LIVE_KINDS)[number];

/** `live: { kind: 'repaymentReceived', data }`. Amounts are decimal strings (`"2000.00"`), times ISO 8601. */
export interface RepaymentReceivedData {
  caseId: string | number;
  caseCode: string;
  repaymentId: string;
  amount: string;
  currency: string;
  repaidAt: string;
  outstandingAmount: string;
  status: string;
}

/** `live: { kind: 'caseAssigned', data }`; `debtorName` already masked by the sender. */
export interface CaseAssignedData {
  caseId: string | number;
  caseCode: string;
  debtorName: string;
  overdueDays: number;
  assignedAt: string;
  assignedBy: string | null;
}

/** `live: { kind: 'ptpDue', data }`; `promisedDate` is `YYYY-MM-DD`. */
export interface PtpDueData {
  ptpId: string | number;
  caseId: string | number;
  caseCode: string;
  promisedAmount: string;
  promisedDate: string;
  dueInHours: number;
}
