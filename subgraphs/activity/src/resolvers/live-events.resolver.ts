import { Resolver, Root, Subscription } from 'type-graphql';
import { callerOf, type ActivityContext } from '../activity.context';
import { LIVE_TOPICS, type LiveMessage } from './live-events.topic';
import { CaseAssignedEvent, PtpDueEvent, RepaymentReceivedEvent } from './live-events.types';

// The channel is the verified caller's own (never an argument), and the filter checks each message's recipient again.
const own = {
  topicId: ({ context }: { context: ActivityContext }) => callerOf(context).userId,
  filter: ({ payload, context }: { payload: LiveMessage; context: ActivityContext }) =>
    payload.recipientId === context.caller?.userId,
};

// The sender's data is JSON: scalars become text; anything else is not a value these fields hold.
const text = (value: unknown): string =>
  typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : '';
const date = (value: unknown): Date => new Date(text(value));

/** Typed live events fed by the notices of any subgraph (`notify: { live: {kind, data} }`), to their recipients only. */
@Resolver()
export class LiveEventsResolver {
  @Subscription(() => RepaymentReceivedEvent, { description: "Repayments on the caller's cases, as they arrive.", topics: LIVE_TOPICS.repaymentReceived, ...own })
  repaymentReceived(@Root() { data, notificationId }: LiveMessage): RepaymentReceivedEvent {
    return {
      notificationId: String(notificationId),
      caseId: text(data.caseId),
      caseCode: text(data.caseCode),
      repaymentId: text(data.repaymentId),
      amount: text(data.amount),
      currency: text(data.currency),
      repaidAt: date(data.repaidAt),
      outstandingAmount: text(data.outstandingAmount),
      status: text(data.status),
    };
  }

  @Subscription(() => CaseAssignedEvent, { description: 'Cases assigned to the caller, as they are.', topics: LIVE_TOPICS.caseAssigned, ...own })
  caseAssigned(@Root() { data, notificationId }: LiveMessage): CaseAssignedEvent {
    return {
      notificationId: String(notificationId),
      caseId: text(data.caseId),
      caseCode: text(data.caseCode),
      debtorName: text(data.debtorName),
      overdueDays: Number(data.overdueDays ?? 0),
      assignedAt: date(data.assignedAt),
      assignedBy: typeof data.assignedBy === 'string' ? data.assignedBy : null,
    };
  }

  @Subscription(() => PtpDueEvent, { description: "The caller's promises to pay coming due.", topics: LIVE_TOPICS.ptpDue, ...own })
  ptpDue(@Root() { data, notificationId }: LiveMessage): PtpDueEvent {
    return {
      notificationId: String(notificationId),
      ptpId: text(data.ptpId),
      caseId: text(data.caseId),
      caseCode: text(data.caseCode),
      promisedAmount: text(data.promisedAmount),
      promisedDate: text(data.promisedDate),
      dueInHours: Number(data.dueInHours ?? 0),
    };
  }
}
