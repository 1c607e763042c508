import { createLogger, runMain, type Logger } from '@platform/kit';
import { simulatorCommands } from './commands';
import { loadSimulatorConfig, type SimulatorConfig } from './config';
import { PushedCases } from './pushed-cases';
import { PartnerPusher } from './pushes';
import { startSchedule } from './schedule';
import { startCoreSimulator, type CoreSimulator } from './server';

export interface RunningSimulator {
  core: CoreSimulator;
  pusher: PartnerPusher;
  pushed: PushedCases;
  close(): Promise<void>;
}

/**
 * The runnable tenant core system: serves §§ 3/4/6 to the platform, pushes §§ 2/5 to it on command (`/_sim/...`)
 * and, when configured, on a schedule.
 */
export async function startSimulator(config: SimulatorConfig, logger: Logger): Promise<RunningSimulator> {
  const pusher = new PartnerPusher({
    baseUrl: config.platformUrl,
    key: { apiKey: config.apiKey, secret: config.apiSecret.reveal(), tenantCode: config.tenantCode },
    timeZone: config.timeZone,
  });
  const pushed = new PushedCases();
  // The commands list the calls of the server they are mounted on: they run only once it listens.
  const routes = simulatorCommands({ pusher, pushed, seed: config.seed, received: () => core.received() });
  const core: CoreSimulator = await startCoreSimulator({
    port: config.port,
    host: config.host,
    tenantCode: config.tenantCode,
    apiKey: config.apiKey,
    apiSecret: config.apiSecret.reveal(),
    oauth: config.oauthClientId && config.oauthClientSecret ? { clientId: config.oauthClientId, clientSecret: config.oauthClientSecret.reveal() } : undefined,
    routes,
  });
  pushed.keepIn(core.book);
  const schedule = startSchedule(pusher, pushed, { batchMinutes: config.batchMinutes, batchSize: config.batchSize, repaymentRate: config.repaymentRate, seed: config.seed }, logger);
  logger.info(
    { url: core.url, platformUrl: config.platformUrl, tenantCode: config.tenantCode, batchMinutes: config.batchMinutes, repaymentRate: config.repaymentRate },
    'core-system simulator listening (tenant_base_url); commands under /_sim',
  );
  return {
    core,
    pusher,
    pushed,
    async close() {
      schedule.stop();
      await core.stop();
    },
  };
}

if (require.main === module) {
  runMain(async () => {
    const config = loadSimulatorConfig();
    return startSimulator(config, createLogger({ name: 'simulator', level: config.logLevel }));
  });
}
