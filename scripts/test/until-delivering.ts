import type { HeldSubscription } from '@platform/testkit';
import { gql, SEND } from './support';

/**
 * Sends notices to the recipient (through `routerUrl`, as `senderToken`) until one more reaches `subscription`:
 * proof that it is live upstream, without guessing how long that takes.
 */
export async function untilDelivering(
  routerUrl: string,
  senderToken: string,
  subscription: HeldSubscription,
  recipientId: string,
): Promise<void> {
  const wanted = subscription.events.length + 1;
  const deadline = Date.now() + 10_000;
  while (subscription.events.length < wanted) {
    if (Date.now() > deadline) throw new Error('the subscription never delivered');
    const result = await gql(routerUrl, SEND, { i: { recipientId, title: 'ping', body: 'live?' } }, senderToken);
    // A user created a moment ago reaches activity's directory of recipients through identity's events: until then
    // the notice is refused as NOT_FOUND, so that is "not yet", within the deadline.
    const announced = result.errors?.every((e: { extensions?: { code?: string } }) => e.extensions?.code !== 'NOT_FOUND') ?? true;
    if (result.errors && announced) throw new Error(`sendNotification failed: ${JSON.stringify(result.errors)}`);
    // Give the event its moment to arrive before sending another.
    for (let waited = 0; waited < 20 && subscription.events.length < wanted; waited += 1) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }
}
