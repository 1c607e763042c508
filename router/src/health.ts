import type { HealthStatus } from '@platform/kit';
import type { UpstreamSubgraph } from './options';

const TIMEOUT_MS = 2000;

/** Each subgraph's own health: `/health` next to a remote one's GraphQL URL, `health()` of a local one. */
export async function subgraphHealth(subgraphs: Record<string, UpstreamSubgraph>): Promise<Record<string, HealthStatus>> {
  const entries = await Promise.all(
    Object.entries(subgraphs).map(async ([name, subgraph]) => [name, await healthOf(subgraph)] as const),
  );
  return Object.fromEntries(entries);
}

async function healthOf(subgraph: UpstreamSubgraph): Promise<HealthStatus> {
  try {
    if (subgraph.kind === 'local') {
      const checks = await subgraph.runtime.health();
      return Object.values(checks).every((s) => s === 'healthy') ? 'healthy' : 'unhealthy';
    }
    const response = await fetch(new URL('/health', subgraph.url), { signal: AbortSignal.timeout(TIMEOUT_MS) });
    await response.body?.cancel();
    return response.ok ? 'healthy' : 'unhealthy';
  } catch {
    return 'unhealthy';
  }
}
