import type { LiveKind } from '@platform/kit';

/**
 * PubSub topics of the typed live events (a notice's `live: {kind, data}`); as for NOTIFICATION_RECEIVED, the
 * recipient's user id is the topic id, so each subscriber listens on their own channel only.
 */
export const LIVE_TOPICS: Record<LiveKind, string> = {
  repaymentReceived: 'LIVE_REPAYMENT_RECEIVED',
  caseAssigned: 'LIVE_CASE_ASSIGNED',
  ptpDue: 'LIVE_PTP_DUE',
};

/** What travels on the PubSub (JSON-safe): the sender's data, to whom, and the notification it came with. */
export interface LiveMessage {
  recipientId: string;
  tenantId: number;
  notificationId: number;
  data: Record<string, unknown>;
}
