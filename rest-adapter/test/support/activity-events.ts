import { randomUUID } from 'node:crypto';
import { AUDIT_RECORDED, type AuditPayload, type EventBus, type TokenSigner } from '@platform/kit';
import { BASE_ROLES } from '@platform/testkit';
import type { FileTestPlatform } from './platform';

/** The activity runtime of the embedded platform: its bus (where other subgraphs' events arrive) and signer. */
function activityRuntime(platform: FileTestPlatform): { bus: EventBus; signer: TokenSigner } {
  const runtime = platform.platform.subgraphs.find((s) => s.name === 'activity');
  if (!runtime) throw new Error('no activity subgraph');
  return runtime as unknown as { bus: EventBus; signer: TokenSigner };
}

/** Publishes `audit.recorded` entries as another subgraph's recordDomainEvent would. */
export async function publishAudits(platform: FileTestPlatform, tenantId: number, entries: Array<Partial<AuditPayload> & { occurredAt?: string }>): Promise<void> {
  await activityRuntime(platform).bus.publish(
    entries.map(({ occurredAt, ...audit }) => {
      const payload: AuditPayload = {
        source: 'leads',
        actorId: null,
        actorName: null,
        action: 'update',
        resourceType: 'lead',
        resourceId: '1',
        requestId: randomUUID(),
        ...audit,
      };
      return {
        id: randomUUID(),
        topic: AUDIT_RECORDED,
        tenantId: String(tenantId),
        aggregateId: payload.resourceId,
        payload,
        occurredAt: occurredAt ?? new Date().toISOString(),
      };
    }),
  );
}

/**
 * A collector of the tenant: created in identity through the router (as a TenantAdmin would), with a token from the
 * testkit (collector sign-in comes with the collector app's auth routes).
 */
export async function collectorToken(platform: FileTestPlatform, adminToken: string, username: string): Promise<{ id: string; token: string }> {
  const created = await platform.platform.router.executor.execute({
    query: 'mutation($i: CreateUserInput!) { createUser(input: $i) { id tenantId } }',
    variables: { i: { username, password: 'secret123', roleCode: 'collector' } },
    headers: { authorization: `Bearer ${adminToken}` },
  });
  if (created.errors) throw new Error(JSON.stringify(created.errors));
  const user = (created.data as { createUser: { id: string; tenantId: string } }).createUser;
  const caller = BASE_ROLES.collector({ tenantId: user.tenantId, userId: user.id, username });
  return { id: user.id, token: activityRuntime(platform).signer.signAccess(caller, 3600) };
}

/** Retries `attempt` until it answers true (activity learns identity's users through events, a moment later). */
export async function eventually(attempt: () => Promise<boolean>, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await attempt())) {
    if (Date.now() > deadline) throw new Error('never succeeded');
    await new Promise((r) => setTimeout(r, 20));
  }
}
