import { requestHeaders } from '../gateway/graphql-client';

export interface Sent {
  title: string;
  recipient: number;
  /** When the request left, when its answer came (ms since the epoch), and the notification's own createdAt. */
  sentAt: number;
  answeredAt?: number;
  createdAt?: number;
  error?: string;
}

const SEND = 'mutation BenchNotice($input: SendNotificationInput!) { sendNotification(input: $input) { id createdAt } }';

type Answer = { data?: { sendNotification: { id: string; createdAt: string } }; errors?: { message: string; extensions?: { code?: string } }[] };

/**
 * One notice through the router, as admin. A recipient created a moment ago reaches activity's directory through
 * identity's events, so NOT_FOUND is retried for a while ("not yet"); any other error is recorded.
 */
export async function sendNotice(routerUrl: string, adminToken: string, recipientId: string, title: string, recipient: number): Promise<Sent> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const sentAt = Date.now();
    try {
      const response = await fetch(routerUrl, {
        method: 'POST',
        headers: requestHeaders(adminToken),
        body: JSON.stringify({ query: SEND, variables: { input: { recipientId, title, body: 'bench' } } }),
        signal: AbortSignal.timeout(30_000),
      });
      const answer = (await response.json()) as Answer;
      const answeredAt = Date.now();
      const notice = answer.data?.sendNotification;
      if (notice) return { title, recipient, sentAt, answeredAt, createdAt: Date.parse(notice.createdAt) };
      const notYet = answer.errors?.some((e) => e.extensions?.code === 'NOT_FOUND');
      if (!notYet || Date.now() > deadline) {
        const described = answer.errors?.map((e) => `${e.extensions?.code ?? 'ERROR'}: ${e.message}`).join('; ');
        return { title, recipient, sentAt, answeredAt, error: (described ?? JSON.stringify(answer)).slice(0, 300) };
      }
    } catch (error) {
      return { title, recipient, sentAt, error: (error as Error).message };
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
