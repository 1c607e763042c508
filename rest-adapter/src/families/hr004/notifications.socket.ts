import { isoUtc } from '@platform/kit';
import type { SocketRoute } from '../../sockets/socket-route';
import { hr004, hrErrorText } from './hr004.family';
import { HrNotificationsDocument, type HrNotificationsSubscription } from './operations.generated';

const notificationOf = (data: unknown) => (data as HrNotificationsSubscription).notificationReceived;

/** A refusal in the 004 error table's words; the close code (4401 / 4403) follows it. */
const refusal = (code: 'AUTH_001' | 'AUTH_003') => ({ type: 'error', error: { code, message: hrErrorText(code) } });

/**
 * 004 `WS /ws/notifications` ("实时通知"): the caller's notifications as `{type:"notification", data:{id, title,
 * message, category, timestamp, read}}`. `?after=<id>` first delivers, in order, what was sent after that id
 * while the client was away (the id of the last message it received).
 */
export const hrNotificationsSocket: SocketRoute = {
  method: 'WS',
  path: '/ws/notifications',
  family: hr004,
  summary: 'Live notifications (token in ?token= or a first {type:"auth", token} message; ?after= resumes)',
  operation: HrNotificationsDocument as SocketRoute['operation'],
  variables: (query) => {
    const after = query.get('after');
    return after ? { after } : {};
  },
  message: (data) => {
    const n = notificationOf(data);
    return {
      type: 'notification',
      data: { id: n.id, title: n.title, message: n.body, category: n.category, timestamp: isoUtc(new Date(n.createdAt)), read: n.read },
    };
  },
  cursor: (data) => notificationOf(data).id,
  refused: (status) => refusal(status === 401 ? 'AUTH_001' : 'AUTH_003'),
};
